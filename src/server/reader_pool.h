// Read-only connections to the store for the server's request threads. A store::Store is
// one SQLite connection and is not thread-safe, so each request borrows one for its
// duration; connections are opened on demand and kept for the next request, so there are
// never more than the server's threads. Readers do not block the writer nor each other
// (WAL): a request sees the batches committed when its first statement ran.
// Thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/expected.h"
#include "store/store.h"

namespace recoupe::server {

class ReaderPool {
 public:
  explicit ReaderPool(std::string path) : path_(std::move(path)) {}
  ReaderPool(const ReaderPool&) = delete;
  ReaderPool& operator=(const ReaderPool&) = delete;

  // A borrowed connection, given back to the pool when it goes out of scope.
  class Lease {
   public:
    Lease(ReaderPool& pool, std::unique_ptr<store::Store> store)
        : pool_(&pool), store_(std::move(store)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) noexcept = default;
    ~Lease() {
      if (store_) pool_->give_back(std::move(store_));
    }
    store::Store& operator*() { return *store_; }
    store::Store* operator->() { return store_.get(); }

   private:
    ReaderPool* pool_;
    std::unique_ptr<store::Store> store_;
  };

  // A kept connection, else a new one (fails with the store's Error: no store, a newer
  // schema…). Cost: a mutex, or opening the file (a few schema reads).
  Expected<Lease> borrow();

 private:
  void give_back(std::unique_ptr<store::Store> store);

  std::string path_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<store::Store>> idle_;
};

}  // namespace recoupe::server
