#include <gtest/gtest.h>

#include <GL/gl.h>
#include <GL/glext.h>

#include "drawable/buffer_mapping.hpp"

using namespace eglrun::drawable;

TEST(BufferMapping, DoubleBufferedBackAndFront) {
  auto back = map_draw_buffer(GL_BACK, true);
  ASSERT_TRUE(back.valid);
  EXPECT_EQ(back.count, 1);
  EXPECT_EQ(back.attachments[0], kBackAttachment);
  EXPECT_FALSE(back.uses_front);
  auto front = map_draw_buffer(GL_FRONT_LEFT, true);
  ASSERT_TRUE(front.valid);
  EXPECT_EQ(front.attachments[0], kFrontAttachment);
  EXPECT_TRUE(front.uses_front);
  auto both = map_draw_buffer(GL_FRONT_AND_BACK, true);
  ASSERT_TRUE(both.valid);
  EXPECT_EQ(both.count, 2);
  EXPECT_TRUE(both.uses_front);
}

TEST(BufferMapping, SingleBufferedHasOnlyTheFront) {
  EXPECT_FALSE(map_draw_buffer(GL_BACK, false).valid);
  EXPECT_FALSE(map_draw_buffer(GL_BACK_LEFT, false).valid);
  auto front = map_draw_buffer(GL_FRONT, false);
  ASSERT_TRUE(front.valid);
  EXPECT_EQ(front.attachments[0], kBackAttachment);  // the only buffer lives in slot 0
  EXPECT_FALSE(front.uses_front);
  EXPECT_EQ(map_draw_buffer(GL_FRONT_AND_BACK, false).count, 1);
}

TEST(BufferMapping, NamesTheDefaultFramebufferDoesNotHave) {
  for (GLenum bad : {GLenum(GL_RIGHT), GLenum(GL_BACK_RIGHT), GLenum(GL_FRONT_RIGHT), GLenum(GL_AUX0),
                     GLenum(GL_COLOR_ATTACHMENT0), GLenum(0x1234)}) {
    EXPECT_FALSE(map_draw_buffer(bad, true).valid) << std::hex << bad;
    EXPECT_FALSE(map_read_buffer(bad, true).valid) << std::hex << bad;
  }
  // glDrawBuffers elements must name one buffer each.
  EXPECT_FALSE(map_draw_buffer(GL_FRONT_AND_BACK, true, true).valid);
  EXPECT_TRUE(map_draw_buffer(GL_NONE, true).valid);
  EXPECT_EQ(map_draw_buffer(GL_NONE, true).count, 0);
}

TEST(BufferMapping, ReadBuffer) {
  EXPECT_EQ(map_read_buffer(GL_BACK, true).attachments[0], kBackAttachment);
  EXPECT_EQ(map_read_buffer(GL_FRONT, true).attachments[0], kFrontAttachment);
  EXPECT_EQ(map_read_buffer(GL_FRONT, false).attachments[0], kBackAttachment);
  EXPECT_FALSE(map_read_buffer(GL_BACK, false).valid);
  EXPECT_FALSE(map_read_buffer(GL_FRONT_AND_BACK, true).valid);
}

TEST(BufferMapping, NamesReportedBack) {
  EXPECT_EQ(default_buffer_name(kBackAttachment, true), GLenum(GL_BACK));
  EXPECT_EQ(default_buffer_name(kBackAttachment, false), GLenum(GL_FRONT));
  EXPECT_EQ(default_buffer_name(kFrontAttachment, true), GLenum(GL_FRONT));
  EXPECT_EQ(default_buffer_name(GL_NONE, true), GLenum(GL_NONE));
}

TEST(BufferMapping, AttachmentQueriesAndInvalidation) {
  EXPECT_EQ(map_attachment_query(GL_BACK_LEFT, true), kBackAttachment);
  EXPECT_EQ(map_attachment_query(GL_FRONT_LEFT, false), kBackAttachment);
  EXPECT_EQ(map_attachment_query(GL_BACK_LEFT, false), GLenum(GL_NONE));
  EXPECT_EQ(map_attachment_query(GL_DEPTH, true), GLenum(GL_DEPTH_ATTACHMENT));
  EXPECT_EQ(map_attachment_query(GL_STENCIL, true), GLenum(GL_STENCIL_ATTACHMENT));
  EXPECT_EQ(map_attachment_query(GL_COLOR_ATTACHMENT0, true), GLenum(GL_NONE));
  EXPECT_EQ(map_invalidate_attachment(GL_COLOR), kBackAttachment);
  EXPECT_EQ(map_invalidate_attachment(GL_DEPTH), GLenum(GL_DEPTH_ATTACHMENT));
}
