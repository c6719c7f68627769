// What eglrun answers when a program asks XCB about GLX: present, with the same locally chosen codes
// as Xlib's answer, and version 1.4 from xcb-glx without a request to the server.
#pragma once

#include <xcb/glx.h>
#include <xcb/xcb.h>
#include <xcb/xcbext.h>

namespace eglrun::xcbglx {

bool is_glx_name(const char* name, unsigned name_len);
bool is_glx_extension(const xcb_extension_t* ext);

// eglrun's "GLX" entry for xcb_get_extension_data: one per connection, valid for the process's life.
const xcb_query_extension_reply_t* extension_data(xcb_connection_t* c);

// xcb_query_extension("GLX"): the request goes to the server as asked; its reply is then rewritten.
void note_glx_query(xcb_connection_t* c, unsigned sequence);
void rewrite_glx_reply(xcb_connection_t* c, unsigned sequence, xcb_query_extension_reply_t* reply);

// xcb_glx_query_version: a GetInputFocus stands in (it gives the cookie a real sequence number and
// always has a reply); the reply function drops its reply and answers 1.4.
xcb_glx_query_version_cookie_t query_version(xcb_connection_t* c);
// Null when `sequence` was not a version query eglrun answered.
xcb_glx_query_version_reply_t* version_reply(xcb_connection_t* c, unsigned sequence, xcb_generic_error_t** e);

}  // namespace eglrun::xcbglx
