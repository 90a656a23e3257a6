/* The program's version, one place for the CLI, the web server and the API. */
#ifndef WIALL_UTIL_VERSION_H
#define WIALL_UTIL_VERSION_H

#define WIALL_VERSION "0.1.0"

#endif
