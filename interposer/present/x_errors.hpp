// Turning X protocol errors that arrive on the presenter's own connection into a PresentStatus.
#pragma once

#include <xcb/xcb.h>

#include <cstdint>
#include <string>

#include "present/types.hpp"

namespace eglrun::present {

// "BadWindow" etc. for core errors; "error 42" for codes we have no name for (extension errors).
std::string x_error_name(uint8_t error_code);

// "BadWindow (resource 0x400001, request 72.0)", for log lines.
std::string describe(const xcb_generic_error_t& error);

// WindowGone when the error says `window` no longer exists; Error for anything else.
PresentStatus classify(const xcb_generic_error_t& error, uint32_t window);

}  // namespace eglrun::present
