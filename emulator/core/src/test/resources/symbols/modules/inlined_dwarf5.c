// The same code as inlined.c, compiled with -gdwarf-5 (see the Makefile) to read DWARF 5 too.
#include "inlined.c"
