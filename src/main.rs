#[cfg(target_arch = "wasm32")]
fn main() {
    spanmark::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("spanmark runs in the browser: `make serve`, then open http://127.0.0.1:8080");
}
