#ifndef GOVTOP_CNCURSESW_SHIM_H
#define GOVTOP_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <termios.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <ncursesw/curses.h>

/// Macros and globals Swift cannot import directly.
static inline WINDOW *govtop_stdscr(void) { return stdscr; }
static inline int govtop_lines(void) { return LINES; }
static inline int govtop_cols(void) { return COLS; }
static inline int govtop_colors(void) { return COLORS; }
static inline int govtop_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t govtop_a_normal(void) { return A_NORMAL; }
static inline attr_t govtop_a_bold(void) { return A_BOLD; }
static inline attr_t govtop_a_underline(void) { return A_UNDERLINE; }
static inline attr_t govtop_a_reverse(void) { return A_REVERSE; }
static inline attr_t govtop_a_dim(void) { return A_DIM; }
static inline attr_t govtop_a_italic(void) { return A_ITALIC; }
static inline int govtop_ok(void) { return OK; }
static inline int govtop_err(void) { return ERR; }

/// A screen on stdout reading stdin, with the terminal type from TERM; NULL when the type is
/// unknown (unlike initscr, which would exit the program).
static inline SCREEN *govtop_newterm(void) { return newterm(NULL, stdout, stdin); }

/// Whether the terminal description can move the cursor (cup); "dumb" cannot.
static inline int govtop_can_address_cursor(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

/// The codeset of the current locale ("UTF-8", "ANSI_X3.4-1968", ...), after setlocale.
static inline const char *govtop_codeset(void) { return nl_langinfo(CODESET); }

/// Whether the terminal description uses direct colour (a colour number is 0xRRGGBB), as
/// xterm-direct does: the "RGB" flag, or more colours than a palette can hold.
static inline int govtop_direct_color(void) {
    return tigetflag("RGB") > 0 || COLORS >= 0x1000000;
}

/// Switches off the terminal's interrupt character (Ctrl-C) on stdin, so it is read as a key;
/// returns 0 on success.
static inline int govtop_disable_interrupt_character(void) {
    struct termios settings;
    if (tcgetattr(STDIN_FILENO, &settings) != 0) return -1;
    settings.c_cc[VINTR] = _POSIX_VDISABLE;
    return tcsetattr(STDIN_FILENO, TCSANOW, &settings);
}

/// The terminal's size as the kernel knows it (after SIGWINCH); 0 on success.
static inline int govtop_window_size(int *rows, int *columns) {
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return -1;
    *rows = size.ws_row;
    *columns = size.ws_col;
    return 0;
}

/// Draws one cell: a spacing character and up to CCHARW_MAX - 1 combining characters
/// (`count` of them in `chars`), with attributes and a colour pair of any size (the extended
/// pair goes through setcchar's `opts`, as ncurses documents). Returns ERR when setcchar refuses
/// the characters, so the caller can fall back to the first one alone.
static inline int govtop_put_cell(int y, int x, const wchar_t *chars, int count, attr_t attributes, int pair) {
    wchar_t text[CCHARW_MAX + 1];
    int used = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int index = 0; index < used; index++) text[index] = chars[index];
    text[used] = L'\0';
    cchar_t cell;
    int extended = pair;
    short small = pair <= 0x7fff ? (short)pair : 0;
    if (setcchar(&cell, text, attributes, small, &extended) == ERR) return ERR;
    mvwadd_wch(stdscr, y, x, &cell);
    return OK;
}
#endif
