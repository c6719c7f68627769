#include "diagnostics/secure_exec.hpp"

#include "diagnostics/doctor.hpp"

#include <fmt/format.h>
#include <sys/auxv.h>
#include <unistd.h>

namespace eglrun::diagnostics {

SecureExecFacts gather_secure_exec_facts() {
  SecureExecFacts f;
  f.secure_mode = getauxval(AT_SECURE) != 0;
  f.uid = getuid();
  f.euid = geteuid();
  f.gid = getgid();
  f.egid = getegid();
  return f;
}

Check secure_exec_check(const SecureExecFacts& f) {
  Check c;
  c.id = "setuid";
  const bool changed_ids = f.uid != f.euid || f.gid != f.egid;
  if (f.secure_mode || changed_ids) {
    c.status = Status::Warning;
    c.evidence = fmt::format(
        "this process runs in secure-execution mode (AT_SECURE={}, uid {} euid {}, gid {} egid {}): the "
        "dynamic "
        "loader ignores LD_PRELOAD here, so programs started like this run without eglrun",
        f.secure_mode ? 1 : 0, f.uid, f.euid, f.gid, f.egid);
    c.fix = "run eglrun and the program as a normal (not setuid/setgid) executable of the user";
  } else {
    c.status = Status::Ok;
    c.evidence =
        "not in secure-execution mode; note that setuid/setgid programs always run without eglrun: the "
        "dynamic loader ignores LD_PRELOAD for them";
  }
  return c;
}

}  // namespace eglrun::diagnostics
