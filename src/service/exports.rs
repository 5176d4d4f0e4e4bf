//! Exports of the lists people work from: Ticket Tracking, the service desk's queue, the
//! plant overview and a plant's devices, as CSV or XLSX. An export holds exactly what
//! the list shows the same person, with every filter the page applies and all of its
//! pages; its rows are handed out a batch at a time, each batch read on its own, so a
//! million tickets never sit in memory. The file formats are the views'
//! ([`crate::views::exports`]).

use std::collections::HashMap;
use std::sync::Arc;

use crate::access::Actor;
use crate::domain::catalog::Catalog;
use crate::domain::warranty::Warranty;
use crate::search::SearchIndex;
use crate::store::plants::Plant;
use crate::store::ticket_list::{Cursor, From, Page};
pub use crate::views::exports::{Cell, List};
use crate::views::service::queue::QueueQuery;
use crate::views::tickets::ListQuery;

use super::{Core, Failure, plants, queue, tracking, warranty};

/// The plant overview's column of who plants are assigned to.
const ASSIGNEES: &str = "plants-col-assignees";

/// Rows read at once.
pub const BATCH: usize = 500;

/// Where an export has got to.
enum Source {
    /// Ticket Tracking from this place (`None`: the first page).
    Tracking(ListQuery, Option<Cursor>),
    /// The queue from this place.
    Queue(Box<queue::Selection>, Option<Cursor>),
    /// The plants still to write, with their assignees.
    Plants(std::vec::IntoIter<(Plant, Vec<u64>)>),
    /// A plant's devices, written in one batch.
    Devices(Plant),
    /// Everything was handed out.
    Done,
}

/// An export under way: its list and the rows still to come.
pub struct Export {
    /// The list it exports.
    pub list: List,
    core: Arc<Core>,
    search: Arc<SearchIndex>,
    actor: Actor,
    source: Source,
    /// Whether the plant overview names who plants are assigned to (a company's
    /// lists only, as on the page).
    show_assignees: bool,
    /// Names read once per export: companies and the service team.
    companies: HashMap<u64, String>,
    staff: HashMap<u64, String>,
}

impl std::fmt::Debug for Export {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Export").field("list", &self.list).finish()
    }
}

/// Ticket Tracking as `q` asks `actor` for it, every page.
pub fn tracking(core: Arc<Core>, search: Arc<SearchIndex>, actor: Actor, q: ListQuery) -> Export {
    Export::new(
        List::Tracking,
        core,
        search,
        actor,
        Source::Tracking(q, None),
    )
}

/// The queue as `q` asks a member of the service team (`me`) for it, every page.
pub fn queue(
    core: Arc<Core>,
    search: Arc<SearchIndex>,
    actor: Actor,
    me: u64,
    q: &QueueQuery,
) -> Result<Export, Failure> {
    let selection = queue::Selection::of(&core, me, q)?;
    let mut export = Export::new(
        List::Queue,
        core,
        search,
        actor,
        Source::Queue(Box::new(selection), None),
    );
    export.staff = export
        .core
        .store
        .users()
        .staff()?
        .into_iter()
        .map(|u| (u.id, u.full_name()))
        .collect();
    Ok(export)
}

/// The plant overview filtered by `query`, every page.
pub fn plants(
    core: Arc<Core>,
    search: Arc<SearchIndex>,
    actor: Actor,
    query: &str,
) -> Result<Export, Failure> {
    let found = core.store.plants().list(&actor, query)?;
    Ok(Export::new(
        List::Plants,
        core,
        search,
        actor,
        Source::Plants(found.into_iter()),
    ))
}

/// The devices of plant `id`; `None` when `actor` may not see it.
pub fn devices(
    core: Arc<Core>,
    search: Arc<SearchIndex>,
    actor: Actor,
    id: u64,
) -> Result<Option<Export>, Failure> {
    let Some((plant, _)) = core.store.plants().visible(&actor, id)? else {
        return Ok(None);
    };
    Ok(Some(Export::new(
        List::Devices,
        core,
        search,
        actor,
        Source::Devices(plant),
    )))
}

impl Export {
    fn new(
        list: List,
        core: Arc<Core>,
        search: Arc<SearchIndex>,
        actor: Actor,
        source: Source,
    ) -> Self {
        Self {
            list,
            core,
            search,
            show_assignees: matches!(
                crate::access::plant_scope(&actor),
                crate::access::PlantScope::Company(_)
            ),
            actor,
            source,
            companies: HashMap::new(),
            staff: HashMap::new(),
        }
    }

    /// The message ids of the columns' headings, as the reader's list shows them.
    pub fn columns(&self) -> Vec<&'static str> {
        self.list
            .columns()
            .iter()
            .copied()
            .filter(|c| self.show_assignees || *c != ASSIGNEES)
            .collect()
    }

    /// Whether the reader is of the service team (their words for a state differ).
    pub fn for_staff(&self) -> bool {
        self.actor.is_staff()
    }

    /// The next rows, or `None` once every row was handed out.
    pub fn next_batch(&mut self) -> Result<Option<Vec<Vec<Cell>>>, Failure> {
        let source = std::mem::replace(&mut self.source, Source::Done);
        let (rows, rest) = match source {
            Source::Done => return Ok(None),
            Source::Tracking(q, at) => self.tracking_batch(q, at)?,
            Source::Queue(selection, at) => self.queue_batch(selection, at)?,
            Source::Plants(mut left) => {
                let mut rows = Vec::new();
                for (plant, assignees) in left.by_ref().take(BATCH) {
                    rows.push(self.plant_row(&plant, &assignees)?);
                }
                let rest = if left.len() == 0 {
                    Source::Done
                } else {
                    Source::Plants(left)
                };
                (rows, rest)
            }
            Source::Devices(plant) => (self.device_rows(&plant)?, Source::Done),
        };
        self.source = rest;
        Ok(Some(rows))
    }

    fn tracking_batch(
        &mut self,
        q: ListQuery,
        at: Option<Cursor>,
    ) -> Result<(Vec<Vec<Cell>>, Source), Failure> {
        let from = at.map_or(From::Start, From::After);
        let listing = tracking::list_from(&self.core, &self.search, &self.actor, &q, from, BATCH)?;
        let rows = listing
            .rows
            .into_iter()
            .map(|t| {
                vec![
                    Cell::Text(t.number),
                    Cell::Text(t.subject),
                    Cell::Kind(t.kind),
                    Cell::Text(t.requester_name),
                    t.serial.map_or(Cell::Empty, |s| Cell::Number(s.into())),
                    Cell::Status(t.status),
                    Cell::Time(t.updated_at),
                ]
            })
            .collect();
        let rest = match listing.page.next {
            Some(next) if listing.matched.is_none() => Source::Tracking(q, Some(next)),
            _ => Source::Done,
        };
        Ok((rows, rest))
    }

    fn queue_batch(
        &mut self,
        selection: Box<queue::Selection>,
        at: Option<Cursor>,
    ) -> Result<(Vec<Vec<Cell>>, Source), Failure> {
        let from = at.map_or(From::Start, From::After);
        let page: Page = selection.page(&self.core, &self.search, &self.actor, from, BATCH)?;
        let mut rows = Vec::with_capacity(page.tickets.len());
        for t in &page.tickets {
            let company = match t.company {
                Some(c) => Cell::text(&self.company_name(c)?),
                None => Cell::Empty,
            };
            let assignee = t
                .assignee
                .and_then(|a| self.staff.get(&a))
                .map_or(Cell::Empty, |n| Cell::text(n));
            rows.push(vec![
                Cell::text(&t.number),
                Cell::text(&t.subject),
                Cell::Kind(t.kind),
                company,
                Cell::text(&t.requester_name),
                Cell::text(&t.requester_email),
                t.serial.map_or(Cell::Empty, |s| Cell::Number(s.into())),
                Cell::Status(t.status),
                assignee,
                if t.status.is_open() {
                    Cell::Time(t.waiting_since())
                } else {
                    Cell::Empty
                },
                Cell::Time(t.updated_at),
            ]);
        }
        let rest = match page.next {
            Some(next) if !selection.is_search() => Source::Queue(selection, Some(next)),
            _ => Source::Done,
        };
        Ok((rows, rest))
    }

    fn company_name(&mut self, id: u64) -> Result<String, Failure> {
        if let Some(name) = self.companies.get(&id) {
            return Ok(name.clone());
        }
        let name = self
            .core
            .store
            .companies()
            .get(id)?
            .map(|c| c.name)
            .unwrap_or_default();
        self.companies.insert(id, name.clone());
        Ok(name)
    }

    fn plant_row(&self, plant: &Plant, assignees: &[u64]) -> Result<Vec<Cell>, Failure> {
        let row = plants::overview_row(&self.core, &self.actor, plant, assignees)?;
        let p = &row.plant;
        Ok([
            Cell::text(&p.name),
            Cell::text(&p.street),
            Cell::text(&p.postal_code),
            Cell::text(&p.city),
            Cell::Country(p.country.clone()),
            Cell::text(&p.operator_name),
            Cell::text(&row.assignees.join(", ")),
            Cell::Number(row.devices as u64),
            Cell::Number(row.warranties_ending as u64),
            Cell::Number(row.open_tickets as u64),
        ]
        .into_iter()
        .zip(List::Plants.columns())
        .filter(|(_, c)| self.show_assignees || **c != ASSIGNEES)
        .map(|(cell, _)| cell)
        .collect())
    }

    fn device_rows(&self, plant: &Plant) -> Result<Vec<Vec<Cell>>, Failure> {
        let (today, rules) = (self.core.today(), self.core.config.warranty.rules());
        let mut rows = Vec::new();
        for d in self.core.store.devices().of_plant(plant.id)? {
            let product = Catalog::get().product(d.product_id);
            let subplant = d
                .subplant
                .and_then(|s| plant.subplants.iter().find(|p| p.id == s))
                .map_or(Cell::Empty, |s| Cell::text(&s.name));
            let w = warranty::of_device(rules, &d, today);
            let (end, state) = match &w {
                Warranty::NotApplicable => (Cell::Empty, Cell::Empty),
                Warranty::Unknown => (Cell::Empty, Cell::Word("warranty-unknown")),
                Warranty::Known { end, days_left, .. } => (
                    Cell::Date(end.to_string()),
                    Cell::Word(if *days_left == 0 {
                        "warranty-expired-badge"
                    } else if w.ends_soon() {
                        "export-warranty-ending"
                    } else {
                        "export-warranty-running"
                    }),
                ),
            };
            rows.push(vec![
                Cell::Number(d.serial.into()),
                product.map_or(Cell::Number(d.product_id.into()), |p| Cell::text(&p.name)),
                product.map_or(Cell::Empty, |p| Cell::text(&p.model)),
                product.map_or(Cell::Empty, |p| Cell::Word(p.category.message_id())),
                Cell::text(&d.name),
                subplant,
                d.purchase_date
                    .as_deref()
                    .map_or(Cell::Empty, |s| Cell::Date(s.into())),
                d.commissioning_date
                    .as_deref()
                    .map_or(Cell::Empty, |s| Cell::Date(s.into())),
                end,
                state,
                Cell::Word(if d.extended {
                    "export-yes"
                } else {
                    "export-no"
                }),
            ]);
        }
        Ok(rows)
    }
}
