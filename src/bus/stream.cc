#include "bus/stream.h"

#include "bus/nats_handles.h"

namespace recoupe::bus {
namespace {

using detail::bus_error;

std::string where_of(const std::string& name) { return "stream " + name; }

StreamState state_of(const jsStreamInfo& info) {
  StreamState out;
  if (info.Config) {
    out.name = info.Config->Name ? info.Config->Name : "";
    for (int i = 0; i < info.Config->SubjectsLen; ++i)
      out.subjects.push_back(info.Config->Subjects[i]);
    out.replicas = int(info.Config->Replicas);
  }
  out.messages = info.State.Msgs;
  out.bytes = info.State.Bytes;
  out.first_sequence = info.State.FirstSeq;
  out.last_sequence = info.State.LastSeq;
  out.consumers = info.State.Consumers;
  if (info.Cluster && info.Cluster->Leader) {
    out.leader = info.Cluster->Leader;
    out.current_replicas = 1;
    for (int i = 0; i < info.Cluster->ReplicasLen; ++i) {
      const jsPeerInfo* peer = info.Cluster->Replicas[i];
      if (peer && peer->Current && !peer->Offline) ++out.current_replicas;
    }
  }
  return out;
}

}  // namespace

Expected<StreamState> ensure_stream(Connection& connection, const StreamConfig& config) {
  const std::string where = where_of(config.name);
  if (config.name.empty()) return Error{"stream", "no stream name given"};
  if (config.subjects.empty()) return Error{where, "no subject given"};
  std::vector<const char*> subjects;
  for (const auto& s : config.subjects) subjects.push_back(s.c_str());
  jsStreamConfig cfg;
  jsStreamConfig_Init(&cfg);
  cfg.Name = config.name.c_str();
  cfg.Subjects = subjects.data();
  cfg.SubjectsLen = int(subjects.size());
  cfg.Replicas = config.replicas;
  cfg.MaxAge = std::chrono::nanoseconds(config.max_age).count();
  cfg.Duplicates = std::chrono::nanoseconds(config.duplicate_window).count();
  cfg.Storage = config.in_memory ? js_MemoryStorage : js_FileStorage;
  detail::ConnectionState& state = *connection.state();
  jsCtx* js = state.jetstream.get();
  detail::StreamInfoPtr info;
  bool updating = false;
  jsErrCode code = jsErrCode(0);
  // Adding a stream that exists with the same settings succeeds; with other settings the
  // server answers "name already in use", and the settings are updated in place.
  natsStatus s = detail::retry_while_healing(
      state.config,
      [&](jsErrCode* c) {
        jsStreamInfo* raw = nullptr;
        natsStatus r = updating ? js_UpdateStream(&raw, js, &cfg, nullptr, c)
                                : js_AddStream(&raw, js, &cfg, nullptr, c);
        info.reset(raw);
        if (r != NATS_OK && !updating && *c == JSStreamNameExistErr) {
          updating = true;
          *c = jsErrCode(0);
          r = js_UpdateStream(&raw, js, &cfg, nullptr, c);
          info.reset(raw);
        }
        return r;
      },
      &code);
  if (s != NATS_OK) return bus_error(where, updating ? "cannot update" : "cannot create", s, code);
  return state_of(*info);
}

Expected<StreamState> stream_state(Connection& connection, const std::string& name) {
  detail::ConnectionState& state = *connection.state();
  detail::StreamInfoPtr info;
  jsErrCode code = jsErrCode(0);
  natsStatus s = detail::retry_while_healing(
      state.config,
      [&](jsErrCode* c) {
        jsStreamInfo* raw = nullptr;
        natsStatus r = js_GetStreamInfo(&raw, state.jetstream.get(), name.c_str(), nullptr, c);
        info.reset(raw);
        return r;
      },
      &code);
  if (s != NATS_OK) return bus_error(where_of(name), "cannot read its state", s, code);
  return state_of(*info);
}

}  // namespace recoupe::bus
