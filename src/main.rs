//! The `verbatim` binary: a subcommand (`analyze`, `export`) runs the command line; anything
//! else opens the window on the files named (or on the built-in demo articles).

fn main() {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if verbatim::cli::is_cli(&args) {
        std::process::exit(verbatim::cli::main(args));
    }
    std::process::exit(verbatim::app::run(args.into_iter().skip(1).collect()));
}
