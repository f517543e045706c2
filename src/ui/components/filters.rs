//! Department, date range and order: the filter bar under the search box.

use super::Ids;
use crate::app::i18n::Messages;
use crate::app::query::{day_text, parse_day, CategoryCount, DateRange, Sort};
use crate::ui::hooks::Actions;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// What the filter bar shows and what its fields call.
pub struct FilterBarProps {
    /// Departments in display order, counts reflecting the other filters.
    pub departments: Rc<Vec<CategoryCount>>,
    /// Results over all departments (with the other filters).
    pub all_departments: usize,
    pub department: Option<Rc<str>>,
    pub range: DateRange,
    pub sort: Sort,
    /// The widget's callbacks (department, range and order are chosen here).
    pub actions: Rc<Actions>,
    /// Open: shown on a narrow widget too (on a wide one it always is).
    pub open: bool,
}

fn select_value(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

fn input_value(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

/// The date range a choice of the date select stands for.
fn range_of_kind(kind: &str) -> DateRange {
    match kind {
        "7" => DateRange::LastDays(7),
        "30" => DateRange::LastDays(30),
        "year" => DateRange::ThisYear,
        "custom" => DateRange::Between {
            from: None,
            to: None,
        },
        _ => DateRange::All,
    }
}

/// The choice of the date select that shows `range`.
fn kind_of_range(range: DateRange) -> &'static str {
    match range {
        DateRange::All => "all",
        DateRange::LastDays(7) => "7",
        DateRange::LastDays(30) => "30",
        DateRange::ThisYear => "year",
        // Other day counts only arrive by link; show them as custom.
        DateRange::LastDays(_) | DateRange::Between { .. } => "custom",
    }
}

/// Selects for department (with counts), date range (近7天 … 自定义 with
/// from/to dates) and order; `ids` are the panel's and its fields'. A
/// plain function, not a component: it keeps no state.
pub fn filter_bar(m: &Messages, ids: &Ids, props: FilterBarProps) -> Html {
    let (id, ids) = (&ids.filters, &ids.fields);

    let on_department = {
        let (cb, deps) = (
            props.actions.on_department.clone(),
            props.departments.clone(),
        );
        move |e: Event| {
            let v = select_value(&e);
            cb.emit(
                v.parse::<usize>()
                    .ok()
                    .and_then(|i| deps.get(i))
                    .map(|d| d.name.clone()),
            );
        }
    };
    let on_range_kind = {
        let cb = props.actions.on_range.clone();
        move |e: Event| cb.emit(range_of_kind(&select_value(&e)))
    };
    let (from, to) = match props.range {
        DateRange::Between { from, to } => (from, to),
        _ => (None, None),
    };
    let on_from = {
        let cb = props.actions.on_range.clone();
        move |e: Event| {
            cb.emit(DateRange::Between {
                from: parse_day(&input_value(&e)),
                to,
            })
        }
    };
    let on_to = {
        let cb = props.actions.on_range.clone();
        move |e: Event| {
            cb.emit(DateRange::Between {
                from,
                to: parse_day(&input_value(&e)),
            })
        }
    };
    let on_sort = {
        let cb = props.actions.on_sort.clone();
        move |e: Event| {
            cb.emit(if select_value(&e) == "old" {
                Sort::Oldest
            } else {
                Sort::Newest
            })
        }
    };

    let range_kind = kind_of_range(props.range);
    let custom = matches!(props.range, DateRange::Between { .. });
    let selected_dep = props
        .department
        .as_ref()
        .and_then(|d| props.departments.iter().position(|x| x.name == *d));

    html! {
        <div id={id.clone()} class={classes!("db-filters", props.open.then_some("db-filters-open"))} part="filters">
            if !props.departments.is_empty() {
                <div class="db-field">
                    <label for={ids[0].clone()}>{ m.department_filter }</label>
                    <select id={ids[0].clone()} class="db-select" onchange={on_department}>
                        <option value="" selected={selected_dep.is_none()}>
                            { format!("{} ({})", m.all_departments, props.all_departments) }
                        </option>
                        { for props.departments.iter().enumerate().map(|(i, d)| html! {
                            <option key={i} value={i.to_string()} selected={selected_dep == Some(i)}>
                                { format!("{} ({})", d.name, d.count) }
                            </option>
                        }) }
                    </select>
                </div>
            }
            <div class="db-field">
                <label for={ids[1].clone()}>{ m.date_filter }</label>
                <select id={ids[1].clone()} class="db-select" onchange={on_range_kind}>
                    <option value="all" selected={range_kind == "all"}>{ m.range_all }</option>
                    <option value="7" selected={range_kind == "7"}>{ m.range_7 }</option>
                    <option value="30" selected={range_kind == "30"}>{ m.range_30 }</option>
                    <option value="year" selected={range_kind == "year"}>{ m.range_year }</option>
                    <option value="custom" selected={range_kind == "custom"}>{ m.range_custom }</option>
                </select>
            </div>
            if custom {
                <div class="db-field">
                    <label for={ids[2].clone()}>{ m.date_from }</label>
                    <input id={ids[2].clone()} class="db-date-input" type="date"
                        value={from.map(|d| day_text(&d)).unwrap_or_default()} onchange={on_from} />
                </div>
                <div class="db-field">
                    <label for={ids[3].clone()}>{ m.date_to }</label>
                    <input id={ids[3].clone()} class="db-date-input" type="date"
                        value={to.map(|d| day_text(&d)).unwrap_or_default()} onchange={on_to} />
                </div>
            }
            <div class="db-field">
                <label for={ids[4].clone()}>{ m.sort_label }</label>
                <select id={ids[4].clone()} class="db-select" onchange={on_sort}>
                    <option value="new" selected={props.sort == Sort::Newest}>{ m.sort_newest }</option>
                    <option value="old" selected={props.sort == Sort::Oldest}>{ m.sort_oldest }</option>
                </select>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_date_choice_shows_the_range_it_stands_for() {
        for kind in ["all", "7", "30", "year", "custom"] {
            assert_eq!(kind_of_range(range_of_kind(kind)), kind);
        }
        assert_eq!(
            kind_of_range(DateRange::LastDays(3)),
            "custom",
            "from a link"
        );
        assert_eq!(range_of_kind("?"), DateRange::All);
    }
}
