//! The reference pages (`tl_codegen::reference`) of small schemas written
//! for the purpose: what each page says, decided once for rustdoc and
//! `tl doc`.

use tl_codegen::MethodData;
use tl_codegen::descriptions::{Descriptions, LinkTarget};
use tl_codegen::reference::{Presence, Reference, ReferenceOptions, TypePart, Usability};

const SCHEMA: &str = "\
boolFalse#bc799737 = Bool;
boolTrue#997275b5 = Bool;
peerUser#59511722 user_id:long = Peer;
peerChat#36c6019a chat_id:long = Peer;
note#11111111 flags:# pinned:flags.0?true title:flags.1?string peer:Peer tags:Vector<string> = Note;
notes.list#22222222 notes:Vector<Note> count:int = notes.List;
---functions---
notes.add#33333333 peer:Peer text:string = Note;
notes.get#44444444 = notes.List;
notes.ids#55555555 = Vector<long>;
notes.forget#66666666 peer:Peer = Bool;
invokeQuiet#77777777 {X:Type} query:!X = X;
";

fn reference(methods: &MethodData) -> Reference {
    let schema = tl_parser::parse(SCHEMA).unwrap();
    Reference::build(
        &[schema],
        &ReferenceOptions {
            methods,
            descriptions: &Descriptions::default(),
            bindings_path: "my_crate::notes",
            runtime_path: "tl_types",
        },
    )
    .unwrap()
}

fn data() -> MethodData {
    MethodData::from_csv(
        "method,usability,errors\nnotes.add,user,NOTE_TOO_LONG FLOOD_WAIT_X\nnotes.get,both,\n",
        "name,codes\nNOTE_TOO_LONG,400\nFLOOD_WAIT_X,420\n",
    )
    .unwrap()
}

#[test]
fn a_function_page_has_its_parameters_facts_and_result() {
    let reference = reference(&data());
    let add = reference.function("notes.add").unwrap();
    assert_eq!(add.page.rust_path, "functions::notes::Add");
    assert_eq!(
        add.page.tl_line,
        "notes.add#33333333 peer:Peer text:string = Note;"
    );
    let params: Vec<(&str, String, String, &Presence)> = add
        .page
        .params
        .iter()
        .map(|p| {
            (
                p.tl_name.as_str(),
                p.rust_type.text(),
                p.tl_type.text(),
                &p.presence,
            )
        })
        .collect();
    assert_eq!(
        params,
        [
            (
                "peer",
                "enums::Peer".into(),
                "Peer".into(),
                &Presence::Required
            ),
            (
                "text",
                "String".into(),
                "string".into(),
                &Presence::Required
            ),
        ]
    );
    assert_eq!(
        add.page.params[0].tl_type.0,
        [TypePart::Link {
            text: "Peer".into(),
            target: LinkTarget::Type("Peer".into())
        }]
    );
    assert_eq!(add.returns_type.as_deref(), Some("Note"));
    assert_eq!(add.usability, Usability::User);
    let errors = add.errors.as_ref().unwrap();
    let errors: Vec<(&str, &[i32], Option<&str>)> = errors
        .iter()
        .map(|e| (e.name.as_str(), e.codes.as_slice(), e.variant.as_deref()))
        .collect();
    assert_eq!(
        errors,
        [
            ("NOTE_TOO_LONG", &[400][..], Some("NoteTooLong")),
            ("FLOOD_WAIT_X", &[420][..], Some("FloodWait")),
        ]
    );
}

#[test]
fn unknown_facts_are_unknown_and_an_empty_list_is_none_recorded() {
    let reference = reference(&data());
    let get = reference.function("notes.get").unwrap();
    assert_eq!(get.usability, Usability::Both);
    assert_eq!(get.errors.as_ref().map(Vec::len), Some(0));
    let forget = reference.function("notes.forget").unwrap();
    assert_eq!(forget.usability, Usability::Unknown);
    assert!(forget.errors.is_none(), "not listed is unknown, not none");
    assert_eq!(Usability::Unknown.sentence(), "Not recorded.");
}

#[test]
fn optional_fields_and_flags_say_their_bit() {
    let reference = reference(&MethodData::default());
    let note = reference
        .constructors
        .iter()
        .find(|c| c.page.tl_name == "note")
        .unwrap();
    let presence: Vec<(&str, &Presence)> = note
        .page
        .params
        .iter()
        .map(|p| (p.tl_name.as_str(), &p.presence))
        .collect();
    let flag = |bit| Presence::Flag {
        mask: "flags".into(),
        bit,
    };
    let optional = |bit| Presence::Optional {
        mask: "flags".into(),
        bit,
    };
    assert_eq!(
        presence,
        [
            ("flags", &Presence::Mask),
            ("pinned", &flag(0)),
            ("title", &optional(1)),
            ("peer", &Presence::Required),
            ("tags", &Presence::Required),
        ]
    );
    assert_eq!(optional(1).describe(), "optional (flags.1)");
    assert_eq!(note.page.params[4].rust_type.text(), "Vec<String>");
    assert_eq!(note.page.params[4].tl_type.text(), "Vector<string>");
    assert_eq!(note.boxed_type, "Note");
}

#[test]
fn a_type_page_lists_constructors_functions_returning_it_and_users() {
    let reference = reference(&MethodData::default());
    let peer = reference
        .types
        .iter()
        .find(|t| t.tl_name == "Peer")
        .unwrap();
    assert_eq!(peer.rust_path, "enums::Peer");
    assert_eq!(peer.constructors, ["peerUser", "peerChat"]);
    assert!(peer.returned_by.is_empty());
    assert_eq!(
        peer.used_by,
        [
            LinkTarget::Constructor("note".into()),
            LinkTarget::Function("notes.add".into()),
            LinkTarget::Function("notes.forget".into()),
        ]
    );
    let note = reference
        .types
        .iter()
        .find(|t| t.tl_name == "Note")
        .unwrap();
    assert_eq!(note.returned_by, ["notes.add"]);
    assert_eq!(
        note.used_by,
        [LinkTarget::Constructor("notes.list".into())],
        "a vector's element type counts as used"
    );
    let namespaces = reference.namespaces();
    assert_eq!(
        namespaces["notes"].functions,
        ["notes.add", "notes.forget", "notes.get", "notes.ids"]
    );
    assert_eq!(namespaces[""].functions, ["invokeQuiet"]);
    assert_eq!(
        reference.rust_path(&LinkTarget::Type("notes.List".into())),
        Some("enums::notes::List")
    );
    assert_eq!(
        reference.rust_path(&LinkTarget::Type("Nothing".into())),
        None
    );
}

#[test]
fn examples_build_each_required_value_and_name_the_answer() {
    let reference = reference(&MethodData::default());
    let add = &reference.function("notes.add").unwrap().example;
    assert_eq!(
        add.visible(),
        "use my_crate::notes::{enums, functions, types};
use tl_types::{Decode, Encode};

let request = functions::notes::Add::new(
    types::PeerUser::new(0), // peer
    \"\", // text
);
let bytes = request.to_bytes()?;
// Send `bytes`; the answer decodes as `enums::Note`:
let answer: enums::Note = Decode::from_bytes(&answer_bytes)?;
"
    );
    assert!(
        add.code.contains("# answered_with(&request, &answer);"),
        "the hidden lines check the named type is the answer's: {}",
        add.code
    );
    let ids = reference.function("notes.ids").unwrap().example.visible();
    assert!(
        ids.contains("let request = functions::notes::Ids;"),
        "{ids}"
    );
    assert!(ids.contains("let answer: Vec<i64> ="), "{ids}");
    let wrapper = reference.function("invokeQuiet").unwrap().example.visible();
    assert!(
        wrapper.contains("functions::InvokeQuiet::<functions::notes::Get>::new(\n    functions::notes::Get, // query"),
        "a wrapper wraps a getter, named with a turbofish: {wrapper}"
    );
    assert!(
        wrapper.contains("let answer: enums::notes::List ="),
        "{wrapper}"
    );
}
