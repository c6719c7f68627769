// Setuid and setgid programs: the dynamic loader runs them in secure-execution mode (AT_SECURE) and
// ignores LD_PRELOAD entries with a slash and any library outside its trusted directories, so such
// a program runs without eglrun (no GLX on a GLX-less server) whatever the launcher sets. The doctor
// says so, and warns when it is itself running in that mode.
#pragma once

namespace eglrun::diagnostics {

struct Check;  // doctor.hpp

struct SecureExecFacts {
  bool secure_mode = false;  // getauxval(AT_SECURE) of this process
  unsigned uid = 0, euid = 0, gid = 0, egid = 0;
};

SecureExecFacts gather_secure_exec_facts();
// Check "setuid": ok with the explanation, or a warning when this process is in secure-execution mode.
Check secure_exec_check(const SecureExecFacts& facts);

}  // namespace eglrun::diagnostics
