// The presenter's fast read-back against the real EGL device (Mesa's software device here): colour
// images made by make_texture_image keep the application-visible format of their config (no alpha
// for GL_RGB8: alpha bits 0, alpha reads as 1), and ReadbackWorker gives exactly the bytes the
// plain glReadPixels(GL_BGRA) gives, whichever way it reads (RGBA + swap, or BGRA).
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "drawable/image_storage.hpp"
#include "drawable/swap_chain.hpp"
#include "egl/backend.hpp"
#include "present/frame_queue.hpp"
#include "present/readback_worker.hpp"
#include "symbols/real.hpp"

namespace eglrun {
namespace {

using namespace eglrun::real;

struct Case {
  GLenum format;
  int alpha_bits;
};

class RealReadback : public ::testing::TestWithParam<Case> {};

TEST_P(RealReadback, WorkerBytesMatchBgraReadAndAlphaStaysAsConfigured) {
  // Odd width: the 4-pixel swap loop has a tail.
  const int w = 37, h = 19;
  std::string error;
  const egl::Backend* b = egl::backend(&error);
  ASSERT_NE(b, nullptr) << error;
  EGLint egl_error = EGL_SUCCESS;
  EGLContext app = egl::create_context(*b, egl::ContextRequest{}, EGL_NO_CONTEXT, &egl_error);
  ASSERT_NE(app, EGL_NO_CONTEXT) << egl::egl_error_name(egl_error);
  ASSERT_TRUE(eglMakeCurrent(b->display, EGL_NO_SURFACE, EGL_NO_SURFACE, app));
  resolve_gl();

  EGLImageKHR img = drawable::make_texture_image(b->display, app, GetParam().format, w, h);
  ASSERT_NE(img, EGL_NO_IMAGE_KHR);
  auto image = std::make_shared<drawable::SwapImage>(b->display, img, w, h);
  GLuint rb = 0, fbo = 0;
  glGenRenderbuffers_fn(1, &rb);
  glBindRenderbuffer_fn(GL_RENDERBUFFER, rb);
  glEGLImageTargetRenderbufferStorageOES_fn(GL_RENDERBUFFER, img);
  GLint alpha_bits = -1;
  glGetRenderbufferParameteriv_fn(GL_RENDERBUFFER, GL_RENDERBUFFER_ALPHA_SIZE, &alpha_bits);
  EXPECT_EQ(alpha_bits, GetParam().alpha_bits);
  glGenFramebuffers_fn(1, &fbo);
  glBindFramebuffer_fn(GL_FRAMEBUFFER, fbo);
  glFramebufferRenderbuffer_fn(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
  ASSERT_EQ(glCheckFramebufferStatus_fn(GL_FRAMEBUFFER), GLenum(GL_FRAMEBUFFER_COMPLETE));
  // Four distinct quadrants, alpha 0 everywhere: rows, columns and channel order all show.
  glClearColor_fn(0.2f, 0.4f, 0.6f, 0.0f);
  glClear_fn(GL_COLOR_BUFFER_BIT);
  glEnable_fn(GL_SCISSOR_TEST);
  glScissor_fn(0, 0, w / 2, h / 2);
  glClearColor_fn(1.0f, 0.0f, 0.0f, 0.0f);
  glClear_fn(GL_COLOR_BUFFER_BIT);
  glScissor_fn(w / 2, h / 2, w - w / 2, h - h / 2);
  glClearColor_fn(0.0f, 0.0f, 1.0f, 0.0f);
  glClear_fn(GL_COLOR_BUFFER_BIT);
  glDisable_fn(GL_SCISSOR_TEST);
  GLfloat px[4] = {0, 0, 0, 0};
  glReadPixels_fn(0, 0, 1, 1, GL_RGBA, GL_FLOAT, px);
  EXPECT_FLOAT_EQ(px[3], GetParam().alpha_bits == 0 ? 1.0f : 0.0f)
      << "destination alpha as the config has it";
  std::vector<uint8_t> expected(static_cast<size_t>(w * h * 4));
  glReadPixels_fn(0, 0, w, h, GL_BGRA, GL_UNSIGNED_BYTE, expected.data());
  glFinish_fn();

  // The presenter's context, rows wider than the image as an X image may have them.
  const int stride = w * 4 + 12;
  std::vector<uint8_t> got(static_cast<size_t>(stride * h), 0xAB);
  {
    present::ReadbackWorker worker(b->display);
    ASSERT_TRUE(worker.read(image, got.data(), stride, /*bottom_up=*/false));
  }
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w * 4; ++x)
      ASSERT_EQ(got[static_cast<size_t>(y * stride + x)], expected[static_cast<size_t>(y * w * 4 + x)])
          << "row " << y << " byte " << x;
  for (int y = 0; y < h; ++y) EXPECT_EQ(got[static_cast<size_t>(y * stride + w * 4)], 0xAB) << "padding kept";

  ASSERT_TRUE(eglMakeCurrent(b->display, EGL_NO_SURFACE, EGL_NO_SURFACE, app));
  glDeleteFramebuffers_fn(1, &fbo);
  glDeleteRenderbuffers_fn(1, &rb);
  image.reset();
  eglMakeCurrent(b->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
  eglDestroyContext(b->display, app);
}

INSTANTIATE_TEST_SUITE_P(Formats, RealReadback,
                         ::testing::Values(Case{GL_RGB8, 0}, Case{GL_RGBA8, 8}, Case{GL_RGB10_A2, 2}),
                         [](const auto& info) {
                           return info.param.format == GL_RGB8    ? std::string("RGB8")
                                  : info.param.format == GL_RGBA8 ? std::string("RGBA8")
                                                                  : std::string("RGB10_A2");
                         });

TEST(SwapRedBlue, SwapsBytesZeroAndTwoOfEveryPixelInPlaceAndLeavesPadding) {
  const int w = 7, h = 3, stride = w * 4 + 4;
  std::vector<uint8_t> p(static_cast<size_t>(stride * h));
  for (size_t i = 0; i < p.size(); ++i) p[i] = static_cast<uint8_t>(i);
  const std::vector<uint8_t> before = p;
  present::swap_red_blue(p.data(), stride, w, h);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const size_t o = static_cast<size_t>(y * stride + x * 4);
      EXPECT_EQ(p[o], before[o + 2]);
      EXPECT_EQ(p[o + 1], before[o + 1]);
      EXPECT_EQ(p[o + 2], before[o]);
      EXPECT_EQ(p[o + 3], before[o + 3]);
    }
    for (int i = w * 4; i < stride; ++i)
      EXPECT_EQ(p[static_cast<size_t>(y * stride + i)], before[static_cast<size_t>(y * stride + i)]);
  }
}

}  // namespace
}  // namespace eglrun
