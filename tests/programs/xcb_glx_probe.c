/* xcb_glx_probe: asks XCB about GLX the way Qt5's xcb platform plugin does:
 * xcb_get_extension_data(c, &xcb_glx_id), xcb_query_extension("GLX") and xcb_glx_query_version.
 *   --expect present: GLX must be present with version >= 1.4, the two extension answers must agree,
 *                     and the connection must stay healthy (no X error, the next request works).
 *   --expect absent:  GLX must be absent (a GLX-less server without eglrun).
 * Prints what it saw; exits 0 when it matches the expectation, 1 otherwise. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xcb/glx.h>
#include <xcb/xcb.h>

int main(int argc, char** argv) {
  int want_present = 1;
  if (argc == 3 && !strcmp(argv[1], "--expect") && !strcmp(argv[2], "absent"))
    want_present = 0;
  else if (!(argc == 3 && !strcmp(argv[1], "--expect") && !strcmp(argv[2], "present"))) {
    fprintf(stderr, "usage: %s --expect present|absent\n", argv[0]);
    return 2;
  }
  xcb_connection_t* c = xcb_connect(NULL, NULL);
  if (xcb_connection_has_error(c)) {
    fprintf(stderr, "FAIL: cannot connect to the X server\n");
    return 1;
  }
  xcb_prefetch_extension_data(c, &xcb_glx_id);
  const xcb_query_extension_reply_t* ext = xcb_get_extension_data(c, &xcb_glx_id);
  int present = ext && ext->present;
  xcb_query_extension_reply_t* q = xcb_query_extension_reply(c, xcb_query_extension(c, 3, "GLX"), NULL);
  if (!q) {
    fprintf(stderr, "FAIL: QueryExtension(GLX) had no reply\n");
    return 1;
  }
  printf("xcb_get_extension_data: GLX %s", present ? "present" : "absent");
  if (present)
    printf(" (opcode %d, first event %d, first error %d)", ext->major_opcode, ext->first_event,
           ext->first_error);
  printf("\nxcb_query_extension: GLX %s\n", q->present ? "present" : "absent");
  if (!want_present) {
    if (present || q->present) {
      fprintf(stderr, "FAIL: GLX is reported present\n");
      return 1;
    }
    printf("PASS: GLX absent\n");
    return 0;
  }
  if (!present || !q->present) {
    fprintf(stderr, "FAIL: GLX is reported absent\n");
    return 1;
  }
  if (q->major_opcode != ext->major_opcode || q->first_event != ext->first_event ||
      q->first_error != ext->first_error) {
    fprintf(stderr, "FAIL: xcb_query_extension and xcb_get_extension_data disagree on GLX's codes\n");
    return 1;
  }
  xcb_generic_error_t* err = NULL;
  xcb_glx_query_version_reply_t* v = xcb_glx_query_version_reply(c, xcb_glx_query_version(c, 1, 4), &err);
  if (!v) {
    fprintf(stderr, "FAIL: glXQueryVersion through xcb-glx failed (X error %d)\n",
            err ? err->error_code : -1);
    return 1;
  }
  printf("xcb_glx_query_version: %u.%u\n", v->major_version, v->minor_version);
  if (v->major_version != 1 || v->minor_version < 4) {
    fprintf(stderr, "FAIL: GLX version %u.%u < 1.4\n", v->major_version, v->minor_version);
    return 1;
  }
  free(v);
  /* The connection must still work: a core request with a reply, and no error waiting. */
  xcb_get_input_focus_reply_t* f = xcb_get_input_focus_reply(c, xcb_get_input_focus(c), NULL);
  if (!f) {
    fprintf(stderr, "FAIL: the connection no longer answers\n");
    return 1;
  }
  free(f);
  xcb_generic_event_t* ev;
  while ((ev = xcb_poll_for_event(c)) != NULL) {
    if (ev->response_type == 0) {
      fprintf(stderr, "FAIL: X error %d on the connection\n", ((xcb_generic_error_t*)ev)->error_code);
      return 1;
    }
    free(ev);
  }
  if (xcb_connection_has_error(c)) {
    fprintf(stderr, "FAIL: the connection broke\n");
    return 1;
  }
  free(q);
  xcb_disconnect(c);
  printf("PASS: GLX present, version 1.4\n");
  return 0;
}
