// CurlLibrary: the scoped owner of libcurl's process-wide state (curl_global_init /
// curl_global_cleanup). Make one in main (or a test) before any Fetcher and keep it alive
// while they are; no code initialises libcurl behind the caller's back.
#pragma once

namespace recoupe::fetch {

class CurlLibrary {
 public:
  // Not thread-safe (libcurl's rule): construct before starting threads that fetch.
  CurlLibrary();
  ~CurlLibrary();
  CurlLibrary(const CurlLibrary&) = delete;
  CurlLibrary& operator=(const CurlLibrary&) = delete;
  // False when libcurl could not be initialised; every fetch then fails.
  bool ok() const { return ok_; }

 private:
  bool ok_ = false;
};

}  // namespace recoupe::fetch
