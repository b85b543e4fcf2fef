// The subcommands of `recoupe`, one file each. Each returns the process exit code.
#pragma once

namespace recoupe::cli {

// Exit codes shared by every subcommand (documented in `recoupe --help`).
constexpr int kExitOk = 0;
constexpr int kExitSomeInputsFailed = 1;  // errors printed to stderr; the rest was processed
constexpr int kExitUsage = 2;             // bad command line, config or data folder: nothing done
constexpr int kExitNothingProcessed = 3;  // no input could be processed at all
constexpr int kExitWriteFailed = 4;       // the output could not be written (disk full…)

int run_extract(int argc, char** argv);
int run_fetch(int argc, char** argv);
int run_eval_extract(int argc, char** argv);
int run_analyze(int argc, char** argv);
int run_report(int argc, char** argv);
int run_eval(int argc, char** argv);
int run_stream(int argc, char** argv);
int run_ingest(int argc, char** argv);
int run_stories(int argc, char** argv);
int run_story(int argc, char** argv);
int run_serve(int argc, char** argv);
int run_watch(int argc, char** argv);
int run_worker(int argc, char** argv);
int run_eval_pairs(int argc, char** argv);
int run_eval_ner(int argc, char** argv);
int run_eval_summary(int argc, char** argv);
int run_config(int argc, char** argv);

}  // namespace recoupe::cli
