fn main() {
    std::process::exit(oms::cli::main());
}
