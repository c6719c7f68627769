# GLX extensions, drawables and contexts (issue 4): self-checking programs from tests/programs under
# eglrun on an Xvfb without GLX. Each exits 0 only when every check passed (they read the windows and
# pixmaps back from the X server). The reference twin of the compositing test runs it on Mesa's GLX.
set(_bin ${EGLRUN_TEST_BIN})
set(_xvfb ${EGLRUN_TEST_SCRIPTS}/xvfb-run.sh)
eglrun_script_test(NAME integration.glx.texture_from_pixmap LABELS integration glx TIMEOUT 120
  COMMAND ${_xvfb} -- ${EGLRUN_LAUNCHER} -- $<TARGET_FILE:glx_tfp>)
eglrun_script_test(NAME integration.reference.glx.texture_from_pixmap LABELS integration reference TIMEOUT 120
  COMMAND ${_xvfb} --glx -- env GLX_TFP_SKIP_MIPMAP=1 $<TARGET_FILE:glx_tfp>)
foreach(group errors contexts threads attribs es swap configs drawables xfont)
  eglrun_script_test(NAME integration.glx.${group} LABELS integration glx TIMEOUT 120
    COMMAND ${_xvfb} -- ${EGLRUN_LAUNCHER} -- $<TARGET_FILE:glx_features> ${group})
endforeach()
# The threads group also runs under ThreadSanitizer (label threads, tests/sanitizers/run-sanitized.sh).
set_property(TEST integration.glx.threads APPEND PROPERTY LABELS threads)
# glXCopyContext: every attribute group alone and in combinations reaches the destination and nothing
# else does, a frame drawn after the copy equals the source's, and the errors. No Mesa reference:
# Mesa's GLX on Xvfb answers every copy of direct contexts with BadMatch (the server cannot copy them).
eglrun_script_test(NAME integration.glx.copy_context LABELS integration glx TIMEOUT 120
  COMMAND ${_xvfb} -- ${EGLRUN_LAUNCHER} -- $<TARGET_FILE:glx_copy_context>)
