#include "fetch/curl_library.h"

#include <curl/curl.h>

namespace recoupe::fetch {

CurlLibrary::CurlLibrary() : ok_(curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK) {}

CurlLibrary::~CurlLibrary() {
  if (ok_) curl_global_cleanup();
}

}  // namespace recoupe::fetch
