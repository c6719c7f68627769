add_library(eglrun_warnings INTERFACE)
target_compile_options(eglrun_warnings INTERFACE -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers)
