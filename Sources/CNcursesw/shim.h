#ifndef GOVTOP_CNCURSESW_SHIM_H
#define GOVTOP_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <ncursesw/curses.h>

/// Macros and globals Swift cannot import directly.
static inline WINDOW *govtop_stdscr(void) { return stdscr; }
static inline int govtop_lines(void) { return LINES; }
static inline int govtop_cols(void) { return COLS; }
static inline int govtop_colors(void) { return COLORS; }
static inline int govtop_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t govtop_a_bold(void) { return A_BOLD; }
static inline attr_t govtop_a_underline(void) { return A_UNDERLINE; }
static inline attr_t govtop_a_reverse(void) { return A_REVERSE; }
static inline attr_t govtop_a_dim(void) { return A_DIM; }
static inline attr_t govtop_a_italic(void) { return A_ITALIC; }
static inline int govtop_key_resize(void) { return KEY_RESIZE; }
#endif
