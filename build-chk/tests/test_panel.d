build-chk/tests/test_panel: tests/unit/test_panel.c tests/unit/testutil.h \
 include/entente.h src/panel/panel.h src/measures/agreement.h
tests/unit/testutil.h:
include/entente.h:
src/panel/panel.h:
src/measures/agreement.h:
