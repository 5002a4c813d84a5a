use super::{doc, flush, label, open, restored, SEED};
use crate::model::editor::{Action, Editor};
use crate::model::label::Labels;
use crate::model::persist::Stored;
use crate::model::span::Span;

#[test]
fn scratch_undo_after_reload() {
    let mut e = Editor::new(doc(SEED), Labels::news());
    let mut store = Stored::default();
    let at = SEED.chars().collect::<String>();
    let deadly = SEED[..SEED.find("deadly sectarian clashes").unwrap()].chars().count() as u32;
    let _ = at;
    let steps: Vec<Box<dyn Fn(&mut Editor)>> = vec![
        Box::new(|e| e.apply(Action::Annotate { label: label("actor"), span: Span::new(262, 272) })),
        Box::new(|e| e.apply(Action::Annotate { label: label("location"), span: Span::new(55, 60) })),
        Box::new(move |e| e.apply(Action::Annotate { label: label("event"), span: Span::new(deadly, deadly + 24) })),
    ];
    for s in &steps {
        s(&mut e);
    }
    let paris = e.annotations().iter().find(|a| a.span.start() == 55).unwrap().id.clone();
    e.apply(Action::Relabel { id: paris, label: label("claim") });
    let d = e.annotations().iter().find(|a| a.span.start() == deadly).unwrap().id.clone();
    e.apply(Action::Remove(d));
    e.apply(Action::Undo);
    e.apply(Action::Annotate { label: label("actor"), span: Span::new(199, 216) });
    e.apply(Action::Undo);
    open(&mut e, "notes.txt", "Family left Daraa.\r\nSecond line.".as_bytes());
    e.apply(Action::Annotate { label: label("location"), span: Span::new(12, 17) });
    e.apply(Action::SwitchDocument("seed".into()));
    flush(&mut e, &mut store);
    let mut back = restored(&store);
    back.apply(Action::Redo);
    back.apply(Action::Undo);
    back.apply(Action::Undo);
    let got: Vec<String> =
        back.annotations().iter().map(|a| format!("{}:{}", a.label.as_str(), back.doc().slice(a.span))).collect();
    assert_eq!(got.len(), 3, "{got:?}");
}
