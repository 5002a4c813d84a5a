//! The Rust half of `tests/check_agreement.py`: for every case the script generated in
//! `target/agreement-check/cases/<case>/` (`case.json`: the text, its title, the label ids and the
//! annotators' file names; one spanmark file per annotator), reads the files as the Compare view
//! does (`read_coder`) and writes beside them what the script checks: `report.json` and
//! `report.csv` (`report_json`, `report_csv`), `tokens.json` (the token offsets κ and α counted)
//! and `groups.json`. With no cases there (a plain `cargo test`), it writes nothing and says so.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use spanmark::model::agreement::{figures, groups, read_coder, report_csv, report_json, tokens};
use spanmark::model::{Document, Labels};

fn cases_dir() -> PathBuf {
    match std::env::var_os("AGREEMENT_CASES") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/agreement-check/cases"),
    }
}

fn write_case(dir: &Path) -> Result<(), String> {
    let read = |name: &str| std::fs::read(dir.join(name)).map_err(|e| format!("{}: {e}", dir.join(name).display()));
    let case: Value = serde_json::from_slice(&read("case.json")?).map_err(|e| e.to_string())?;
    let text = case["text"].as_str().ok_or("case.json: no text")?;
    let title = case["title"].as_str().ok_or("case.json: no title")?;
    let doc = Document::new(title, text).map_err(|e| e.to_string())?;
    let labels: Vec<String> =
        case["labels"].as_array().ok_or("no labels")?.iter().filter_map(|l| l.as_str().map(str::to_owned)).collect();
    let mut coders = Vec::new();
    for file in case["files"].as_array().ok_or("no files")? {
        let name = file.as_str().ok_or("a file name is not a string")?;
        coders.push(read_coder(name, &read(name)?, &doc, &Labels::news())?);
    }
    let f = figures(&doc, &labels, &coders);
    let write = |name: &str, body: String| std::fs::write(dir.join(name), body).map_err(|e| e.to_string());
    write("report.json", report_json(doc.title(), doc.sha256(), &f))?;
    write("report.csv", report_csv(&f))?;
    write("tokens.json", json!(tokens(&doc)).to_string())?;
    let groups: Vec<Value> = groups(&coders)
        .into_iter()
        .map(|g| json!({"start": g.start, "end": g.end, "label": g.label, "by": g.by}))
        .collect();
    write("groups.json", Value::Array(groups).to_string())?;
    Ok(())
}

#[test]
fn writes_the_reports_of_the_generated_cases() {
    let dir = cases_dir();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("no cases in {} (tests/check_agreement.py writes them): nothing to write", dir.display());
        return;
    };
    let mut cases: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_dir()).collect();
    cases.sort();
    for case in &cases {
        if let Err(e) = write_case(case) {
            panic!("{}: {e}", case.display());
        }
    }
    println!("wrote the reports of {} cases in {}", cases.len(), dir.display());
}
