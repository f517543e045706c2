//! The list and everything that narrows it: search, filters, tabs, the
//! result count, the rows, and 加载更多.

use super::{
    bulletin_list, filter_bar, load_more, result_bar, status, Ambient, CategoryTabs,
    FilterBarProps, Ids, LoadMoreProps, SearchBox, StatusKind,
};
use crate::app::i18n::filters_button;
use crate::app::query::Filter;
use crate::app::state::PageLoad;
use crate::ui::hooks::{Actions, Derived};
use std::rc::Rc;
use yew::prelude::*;

/// What the list view shows and what its controls call.
pub struct ListViewProps<'a> {
    pub derived: &'a Derived,
    pub filter: &'a Filter,
    /// Rows rendered (pages × page size, plus the rows refreshes added).
    pub limit: usize,
    /// The feed has older pages on the server, and where fetching one stands.
    pub older: bool,
    pub paging: &'a PageLoad,
    /// The search box takes the focus when mounted.
    pub search_focused: bool,
    /// The filter panel is open (narrow widgets).
    pub filters_open: bool,
    pub actions: &'a Rc<Actions>,
}

/// Search and filters, tabs, count, rows, more. A plain function, not a
/// component: it keeps no state (the parts that do are components).
pub fn list_view(ambient: &Ambient, ids: &Ids, props: ListViewProps) -> Html {
    let (lang, no_filters) = (ambient.lang, ambient.config.no_filters);
    let m = lang.messages();
    let (a, view, filter) = (props.actions, &props.derived.view, props.filter);
    let visible = &view.visible;
    let on_toggle = a.on_toggle_filters.reform(|_: MouseEvent| ());
    let filters = (!no_filters).then(|| {
        filter_bar(
            m,
            ids,
            FilterBarProps {
                departments: view.departments.clone(),
                all_departments: view.all_departments,
                department: filter.department.clone(),
                range: filter.range,
                sort: filter.sort,
                actions: a.clone(),
                open: props.filters_open,
            },
        )
    });
    html! {
        <>
            if !no_filters {
                <div class="db-searchbar">
                    <SearchBox value={AttrValue::from(filter.query.clone())} on_input={a.on_query.clone()}
                        focused={props.search_focused} />
                    // On a narrow widget the panel waits behind this button.
                    <button type="button" class="db-filter-toggle" aria-controls={ids.filters.clone()}
                        aria-expanded={if props.filters_open { "true" } else { "false" }} onclick={on_toggle}>
                        { filters_button(lang, filter.panel_count()) }
                    </button>
                </div>
                { for filters }
            }
            <CategoryTabs
                counts={view.categories.clone()}
                total={view.all_categories}
                active={filter.category.clone()}
                on_select={a.on_select.clone()}
            />
            if !no_filters {
                { result_bar(lang, visible.len(), filter.is_active(), &a.on_clear) }
            }
            if visible.is_empty() {
                { status(StatusKind::Empty(if filter.is_active() { m.no_results } else { m.empty_category }), &a.on_retry, m) }
            } else {
                { bulletin_list(ambient, &props.derived.items, visible, props.limit, &props.derived.query, &a.on_open) }
            }
            { load_more(lang, LoadMoreProps {
                remaining: visible.len().saturating_sub(props.limit),
                older: props.older,
                status: props.paging,
                on_more: &a.on_more,
                on_older: &a.on_older,
            }) }
        </>
    }
}
