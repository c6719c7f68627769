__attribute__((visibility("default"))) int origin_value(void) { return 3; }
