// epoll(7) for the benchmark's readers: Swift's Glibc module does not export it.
#include <sys/epoll.h>
