# Helpers shared by tests/integration and tests/e2e (included from both).
#   EGLRUN_LAUNCHER   path of the eglrun launcher (target eglrun_launcher, else <build>/bin/eglrun)
#   EGLRUN_TEST_BIN   where the GLX test programs and xwin_capture are (tests/programs)
#   EGLRUN_TEST_SCRIPTS  tests/scripts in the source tree
#   eglrun_script_test(NAME <name> LABELS <labels...> TIMEOUT <s> COMMAND <cmd...>)
include_guard(DIRECTORY)

if(TARGET eglrun_launcher)
  set(EGLRUN_LAUNCHER $<TARGET_FILE:eglrun_launcher>)
else()
  set(EGLRUN_LAUNCHER ${CMAKE_BINARY_DIR}/bin/eglrun)
endif()
set(EGLRUN_TEST_BIN ${CMAKE_BINARY_DIR}/tests/bin)
set(EGLRUN_TEST_SCRIPTS ${PROJECT_SOURCE_DIR}/tests/scripts)
set(EGLRUN_TEST_ARTIFACTS ${CMAKE_BINARY_DIR}/tests/artifacts)

function(eglrun_script_test)
  cmake_parse_arguments(T "" "NAME;TIMEOUT" "LABELS;COMMAND" ${ARGN})
  add_test(NAME ${T_NAME} COMMAND ${T_COMMAND})
  set_tests_properties(${T_NAME} PROPERTIES
    LABELS "${T_LABELS}"
    TIMEOUT ${T_TIMEOUT}
    SKIP_RETURN_CODE 77
    # Tests start their own X servers and never use the caller's display. LD_PRELOAD is left alone
    # (a sanitizer run may need its runtime preloaded).
    ENVIRONMENT "DISPLAY=;XAUTHORITY=")
endfunction()
