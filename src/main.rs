//! The `newsmap` binary: the desktop app, or `newsmap extract` for batch work.

fn main() {
    println!("newsmap: bring-up");
}
