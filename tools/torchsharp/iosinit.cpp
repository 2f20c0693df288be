// Defines std::ios_base_library_init(), the one GLIBCXX_3.4.32 symbol TorchSharp's libLibTorchSharp.so
// (built with GCC 13) needs; older libstdc++ (Debian 12: GCC 12) initialises iostreams from a static
// ios_base::Init in each translation unit instead. Loaded through DT_NEEDED by patch-libtorchsharp.sh.
#include <ios>

namespace std {
__attribute__((visibility("default"))) void ios_base_library_init() {
  static ios_base::Init init;
}
}  // namespace std
