// Unit tests for the reliability diagnostics: object accounting and the doctor's setuid check.
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "diagnostics/doctor.hpp"
#include "diagnostics/object_counts.hpp"
#include "diagnostics/secure_exec.hpp"

namespace eglrun::diagnostics {
namespace {

TEST(ObjectCounts, CountsFromManyThreadsAndReportsWhatIsLive) {
  const ObjectCount before = object_count(Object::GlFramebuffer);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([] {
      for (int i = 0; i < 1000; ++i) {
        count_created(Object::GlFramebuffer);
        count_released(Object::GlFramebuffer);
      }
    });
  for (auto& t : threads) t.join();
  const ObjectCount after = object_count(Object::GlFramebuffer);
  EXPECT_EQ(after.created - before.created, 8000u);
  EXPECT_EQ(after.released - before.released, 8000u);
  EXPECT_NE(object_report().find("gl_framebuffers"), std::string::npos);

  count_created(Object::ShmSegment, 2);
  count_released(Object::ShmSegment);
  std::string report = object_report();
  EXPECT_NE(report.find("LIVE:"), std::string::npos) << report;
  EXPECT_NE(report.find("shm_segments=1"), std::string::npos) << report;
  count_released(Object::ShmSegment);
  report = object_report();
  EXPECT_NE(report.find("all released"), std::string::npos) << report;
}

TEST(ObjectCounts, EveryObjectHasAName) {
  for (int i = 0; i < static_cast<int>(Object::kCount); ++i)
    EXPECT_STRNE(object_name(static_cast<Object>(i)), "?");
}

TEST(SecureExec, NormalProcessIsOkAndExplainsSetuidPrograms) {
  Check c = secure_exec_check(SecureExecFacts{false, 1000, 1000, 1000, 1000});
  EXPECT_EQ(c.id, "setuid");
  EXPECT_EQ(c.status, Status::Ok);
  EXPECT_NE(c.evidence.find("LD_PRELOAD"), std::string::npos);
}

TEST(SecureExec, SecureModeOrChangedIdsWarn) {
  EXPECT_EQ(secure_exec_check(SecureExecFacts{true, 1000, 1000, 1000, 1000}).status, Status::Warning);
  EXPECT_EQ(secure_exec_check(SecureExecFacts{false, 1000, 0, 1000, 1000}).status, Status::Warning);
  Check c = secure_exec_check(SecureExecFacts{false, 1000, 1000, 1000, 50});
  EXPECT_EQ(c.status, Status::Warning);
  EXPECT_FALSE(c.fix.empty());
}

TEST(SecureExec, DoctorReportsTheCheck) {
  DoctorInputs in;
  in.secure_exec = SecureExecFacts{true, 1000, 0, 1000, 1000};
  DoctorReport r = run_doctor(in);
  bool found = false;
  for (const auto& c : r.checks)
    if (c.id == "setuid") found = c.status == Status::Warning;
  EXPECT_TRUE(found);
  EXPECT_NE(format_doctor_text(r).find("setuid"), std::string::npos);
}

TEST(SecureExec, ThisTestIsNotSetuid) { EXPECT_FALSE(gather_secure_exec_facts().secure_mode); }

}  // namespace
}  // namespace eglrun::diagnostics
