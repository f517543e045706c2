//! README is the users' manual: its attribute table names exactly the
//! attributes the widget reads (`config::ATTRIBUTES`), in the same order.

use district_bulletin::app::config::ATTRIBUTES;

#[test]
fn the_attribute_table_is_the_widgets() {
    let readme = include_str!("../README.md");
    let table = readme
        .split("| attribute | meaning | default |")
        .nth(1)
        .expect("README has the attribute table");
    let names: Vec<&str> = table
        .lines()
        .skip(2) // the header's separator line
        .take_while(|l| l.starts_with('|'))
        .filter_map(|l| l.split('`').nth(1))
        .collect();
    let ours: Vec<&str> = ATTRIBUTES.iter().map(|a| a.name).collect();
    assert_eq!(names, ours);
}
