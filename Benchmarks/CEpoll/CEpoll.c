// Empty: the module is the header (include/CEpoll.h).
