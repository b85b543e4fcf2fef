#include "server/reader_pool.h"

namespace recoupe::server {

Expected<ReaderPool::Lease> ReaderPool::borrow() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<store::Store> store = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(store));
    }
  }
  auto opened = store::Store::open(path_, store::OpenMode::kReadOnly);
  if (!opened) return opened.error();
  return Lease(*this, std::make_unique<store::Store>(std::move(*opened)));
}

void ReaderPool::give_back(std::unique_ptr<store::Store> store) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(store));
}

}  // namespace recoupe::server
