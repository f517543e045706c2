//! The list and everything that narrows it: search, filters, tabs, the
//! result count, the rows, and 加载更多.

use super::unique_id;
use super::{
    BulletinList, CategoryTabs, FilterBar, LoadMore, ResultBar, SearchBox, Status, StatusKind,
};
use crate::app::i18n::{filters_button, Lang};
use crate::app::query::Filter;
use crate::app::state::PageLoad;
use crate::ui::hooks::{Actions, Derived};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ListViewProps {
    pub derived: Derived,
    pub filter: Filter,
    /// Rows rendered (pages × page size, plus the rows refreshes added).
    pub limit: usize,
    /// The feed has older pages on the server, and where fetching one stands.
    pub older: bool,
    pub paging: PageLoad,
    pub zone: i32,
    pub now: i64,
    #[prop_or_default]
    pub compact: bool,
    #[prop_or_default]
    pub relative: bool,
    /// No search box, filter bar or result count (`no-filters`).
    #[prop_or_default]
    pub no_filters: bool,
    /// The language of the items (the feed's), when known.
    #[prop_or_default]
    pub content_lang: Option<AttrValue>,
    /// The feed's absolute URL: items' links resolve against it.
    #[prop_or_default]
    pub base: AttrValue,
    /// The search box takes the focus when mounted.
    #[prop_or_default]
    pub search_focused: bool,
    /// The filter panel is open (narrow widgets).
    #[prop_or_default]
    pub filters_open: bool,
    /// Rows show the items' images.
    #[prop_or_default]
    pub thumbnails: bool,
    pub actions: Rc<Actions>,
}

/// Search and filters, tabs, count, rows, more.
#[function_component(ListView)]
pub fn list_view(props: &ListViewProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let m = lang.messages();
    let (a, view, filter) = (&props.actions, &props.derived.view, &props.filter);
    let visible = view.visible.clone();
    let panel = use_memo((), |_| AttrValue::from(unique_id("db-filters")));
    let on_toggle = a.on_toggle_filters.reform(|_: MouseEvent| ());
    html! {
        <>
            if !props.no_filters {
                <div class="db-searchbar">
                    <SearchBox value={AttrValue::from(filter.query.clone())} on_input={a.on_query.clone()}
                        focused={props.search_focused} />
                    // On a narrow widget the panel waits behind this button.
                    <button type="button" class="db-filter-toggle" aria-controls={(*panel).clone()}
                        aria-expanded={if props.filters_open { "true" } else { "false" }} onclick={on_toggle}>
                        { filters_button(lang, filter.panel_count()) }
                    </button>
                </div>
                <FilterBar
                    id={(*panel).clone()}
                    open={props.filters_open}
                    departments={view.departments.clone()}
                    all_departments={view.all_departments}
                    department={filter.department.clone()}
                    range={filter.range}
                    sort={filter.sort}
                    on_department={a.on_department.clone()}
                    on_range={a.on_range.clone()}
                    on_sort={a.on_sort.clone()}
                />
            }
            <CategoryTabs
                counts={view.categories.clone()}
                total={view.all_categories}
                active={filter.category.clone()}
                on_select={a.on_select.clone()}
            />
            if !props.no_filters {
                <ResultBar count={visible.len()} active={filter.is_active()} on_clear={a.on_clear.clone()} />
            }
            if visible.is_empty() {
                <Status kind={StatusKind::Empty(if filter.is_active() { m.no_results } else { m.empty_category })} />
            } else {
                <BulletinList
                    items={props.derived.items.clone()}
                    visible={visible.clone()}
                    limit={props.limit}
                    zone={props.zone}
                    now={props.now}
                    compact={props.compact}
                    relative={props.relative}
                    content_lang={props.content_lang.clone()}
                    query={props.derived.query.clone()}
                    base={props.base.clone()}
                    thumbnails={props.thumbnails}
                    on_open={a.on_open.clone()}
                />
            }
            <LoadMore
                remaining={visible.len().saturating_sub(props.limit)}
                older={props.older}
                status={props.paging.clone()}
                on_more={a.on_more.clone()}
                on_older={a.on_older.clone()}
            />
        </>
    }
}
