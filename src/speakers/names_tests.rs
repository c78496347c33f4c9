//! Name phrases read as people, organisations, roles and pronouns.

use super::*;

fn read(p: &str) -> (MentionKind, String) {
    let m = parse_phrase(p).unwrap();
    (m.kind, m.name)
}

#[test]
fn person_after_role_and_organisation() {
    assert_eq!(
        read("City Water Board spokesman Tom Alvarez"),
        (MentionKind::Person, "Tom Alvarez".into())
    );
}

#[test]
fn titles_are_stripped() {
    assert_eq!(
        read("Brig. Gen. Ana Ruiz"),
        (MentionKind::Person, "Ana Ruiz".into())
    );
    assert_eq!(
        read("Finance Minister Jane Holt"),
        (MentionKind::Person, "Jane Holt".into())
    );
    assert_eq!(
        read("Secretary of State Paul Marsh"),
        (MentionKind::Person, "Paul Marsh".into())
    );
    assert_eq!(read("Ms Okafor"), (MentionKind::Person, "Okafor".into()));
}

#[test]
fn given_name_starts_a_long_run() {
    assert_eq!(
        read("Harbour Pilot Board Elena Sousa"),
        (MentionKind::Person, "Elena Sousa".into())
    );
}

#[test]
fn appositive_name_wins() {
    let m = parse_phrase("a Harbour Authority spokeswoman, Lena Brandt").unwrap();
    assert_eq!(m.kind, MentionKind::Person);
    assert_eq!(m.name, "Lena Brandt");
    assert_eq!(m.gender, Gender::Female);
    assert!(m.roles.contains(&"spokeswoman".to_string()));
}

#[test]
fn organisations() {
    assert_eq!(
        read("the Transport Ministry"),
        (MentionKind::Org, "Transport Ministry".into())
    );
    assert_eq!(
        read("the Port Authority’s Office of Safety Control (OSC)"),
        (
            MentionKind::Org,
            "Port Authority’s Office of Safety Control".into()
        )
    );
}

#[test]
fn statement_from_an_organisation_names_it() {
    assert_eq!(
        read("a statement from the Harbour Board"),
        (MentionKind::Org, "Harbour Board".into())
    );
}

#[test]
fn a_role_for_an_organisation_is_a_role() {
    let m = parse_phrase("A spokeswoman for Harbour General Hospital").unwrap();
    assert_eq!(m.kind, MentionKind::Role);
    assert_eq!(m.gender, Gender::Female);
}

#[test]
fn roles_and_pronouns() {
    assert_eq!(
        read("the spokesman"),
        (MentionKind::Role, "spokesman".into())
    );
    assert_eq!(
        read("the department"),
        (MentionKind::Role, "department".into())
    );
    assert_eq!(parse_phrase("she").unwrap().gender, Gender::Female);
    assert_eq!(read("it").0, MentionKind::Pronoun);
}

#[test]
fn a_run_ending_in_a_role_is_a_role() {
    let m = parse_phrase("the Harbour Board chief").unwrap();
    assert_eq!(m.kind, MentionKind::Role);
    assert!(m.roles.contains(&"chief".to_string()));
}

#[test]
fn abbreviated_titles_read_as_roles() {
    let m = parse_phrase("Gov. Ana Ruiz").unwrap();
    assert!(m.roles.contains(&"governor".to_string()), "{:?}", m.roles);
}

#[test]
fn title_with_a_complement_then_a_name() {
    assert_eq!(
        read("the Minister of Water Resources, Clara Holt"),
        (MentionKind::Person, "Clara Holt".into())
    );
    assert_eq!(read("the Minister of Water Resources").0, MentionKind::Role);
}

#[test]
fn days_and_months_are_not_people() {
    assert_ne!(
        parse_phrase("Monday").map(|m| m.kind),
        Some(MentionKind::Person)
    );
}

#[test]
fn gender_from_given_name() {
    assert_eq!(parse_phrase("Maria Cole").unwrap().gender, Gender::Female);
    assert_eq!(parse_phrase("Mr. Cole").unwrap().gender, Gender::Male);
}
