//! The `verbatim` binary: a subcommand (`analyze`, `extract`, `group`, `export`) runs the
//! command line; anything else opens the window on the files named (or on the built-in demo
//! articles), when the binary is built with the `gui` feature.

/// Analyses allocate many small strings and vectors on every thread at once; mimalloc's
/// per-thread heaps serve them faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if verbatim::cli::is_cli(&args) {
        std::process::exit(verbatim::cli::main(args));
    }
    std::process::exit(open_window(args));
}

#[cfg(feature = "gui")]
fn open_window(args: Vec<std::ffi::OsString>) -> i32 {
    verbatim::app::run(args.into_iter().skip(1).collect())
}

/// Built without the window: say so, and how to use the command line instead.
#[cfg(not(feature = "gui"))]
fn open_window(_args: Vec<std::ffi::OsString>) -> i32 {
    eprintln!(
        "verbatim: this build has no window (built without the `gui` feature); \
         use `verbatim analyze FILES…` or `verbatim export …`"
    );
    2
}
