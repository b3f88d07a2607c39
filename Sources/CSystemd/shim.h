#ifndef CTIOS_CSYSTEMD_SHIM_H
#define CTIOS_CSYSTEMD_SHIM_H

#include <systemd/sd-daemon.h>
#include <systemd/sd-journal.h>

#endif
