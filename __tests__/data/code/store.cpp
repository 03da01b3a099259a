#include <memory>
#include <string>
#include <vector>
#include <cstdio>

namespace app {

class Store {
 public:
  explicit Store(std::string path) : path_(std::move(path)) {}
  ~Store() { close(); }

  std::string get(const std::string& key) const {
    char buf[64];
    std::sprintf(buf, "%s", key.c_str());
    return std::string(buf);
  }

  bool put(const std::string& key, const std::string& value);
  void close();

 private:
  std::string path_;
  int retries_ = 3;
};

bool Store::put(const std::string& key, const std::string& value) {
  auto valid = [&](const std::string& s) {
    return !s.empty() && s.size() < 256;
  };
  if (!valid(key) || !valid(value)) return false;
  std::string cmd = "store-put " + key + " " + value;
  return std::system(cmd.c_str()) == 0;
}

void Store::close() {}

// Clamps a value into [lo, hi].
template <typename T>
T clamp(T value, T lo, T hi) {
  return value < lo ? lo : (value > hi ? hi : value);
}

namespace detail {
char* duplicate(const char* s) {
  char* copy = new char[std::strlen(s) + 1];
  std::strcpy(copy, s);
  return copy;
}
}  // namespace detail

}  // namespace app

auto logger = [](const std::string& msg) {
  std::fprintf(stderr, "%s\n", msg.c_str());
};

int main(int argc, char** argv) {
  app::Store store(argv[1]);
  logger(store.get(argv[2]));
  return 0;
}
