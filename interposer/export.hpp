// Marks the functions libeglrun exports (everything else is hidden; the version script agrees).
#pragma once

#define EGLRUN_EXPORT extern "C" __attribute__((visibility("default")))
