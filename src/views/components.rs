//! Small building blocks shared by pages: form fields with their label, hint and error,
//! the CSRF field, notices and error summaries.

use maud::{Markup, html};

use crate::domain::NewPassword;
use crate::domain::password::PasswordProblem;
use crate::views::PageCtx;

/// Field errors of a rejected form: (field name, message id), in form order.
#[derive(Debug, Default, Clone)]
pub struct Errors(Vec<(&'static str, &'static str)>);

impl Errors {
    /// No errors.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records `message` for `field` (the first message per field wins).
    pub fn add(&mut self, field: &'static str, message: &'static str) {
        if !self.0.iter().any(|(f, _)| *f == field) {
            self.0.push((field, message));
        }
    }

    /// Takes over another form part's errors.
    pub fn extend(&mut self, other: Errors) {
        for (field, message) in other.0 {
            self.add(field, message);
        }
    }

    /// The checked value when no field has an error: `build` assembles it from the
    /// `Option`s [`Errors::check`] returned (with `?`), so a form's checks read in field
    /// order and end in one struct.
    pub fn finish<T>(self, build: impl FnOnce() -> Option<T>) -> Result<T, Errors> {
        match build() {
            Some(value) if self.is_empty() => Ok(value),
            _ => Err(self),
        }
    }

    /// Records the error of a parse result and returns its value, if any.
    pub fn check<T>(&mut self, field: &'static str, result: Result<T, &'static str>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(message) => {
                self.add(field, message);
                None
            }
        }
    }

    /// Records a password-policy problem next to `password` or `password_confirm`.
    pub fn check_password(
        &mut self,
        result: Result<NewPassword, PasswordProblem>,
    ) -> Option<NewPassword> {
        match result {
            Ok(p) => Some(p),
            Err(PasswordProblem::Password(m)) => {
                self.add("password", m);
                None
            }
            Err(PasswordProblem::Confirm(m)) => {
                self.add("password_confirm", m);
                None
            }
        }
    }

    /// Every (field, message id), in form order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        self.0.iter().copied()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The message id for `field`.
    pub fn get(&self, field: &str) -> Option<&'static str> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, m)| *m)
    }

    /// The first field with an error (it gets the focus).
    pub fn first(&self) -> Option<&'static str> {
        self.0.first().map(|(f, _)| *f)
    }
}

/// The hidden `csrf_token` every state-changing form carries.
pub fn csrf_field(ctx: &PageCtx) -> Markup {
    html! { input type="hidden" name="csrf_token" value=(ctx.csrf); }
}

/// "Please correct the marked fields", announced to screen readers.
pub fn error_summary(ctx: &PageCtx, errors: &Errors) -> Markup {
    html! {
        @if !errors.is_empty() {
            div.notice.error role="alert" {
                (ctx.t("form-has-errors"))
            }
        }
    }
}

/// A short message after an action (`kind`: success, info, warning, error).
pub fn notice(kind: &str, text: &str) -> Markup {
    html! {
        div class={ "notice " (kind) } role="status" { (text) }
    }
}

/// One labelled input, as every form shows it: label above, hint under the label, the
/// error under the field in words with an icon; the first field in error is focused.
pub struct Field<'a> {
    name: &'a str,
    id: &'a str,
    label: String,
    kind: &'a str,
    value: &'a str,
    hint: Option<String>,
    error: Option<String>,
    required: bool,
    autofocus: bool,
    autocomplete: Option<&'a str>,
    maxlength: Option<usize>,
    multiple: bool,
    accept: Option<&'a str>,
}

impl<'a> Field<'a> {
    /// A required field of input type `kind`.
    pub fn new(name: &'a str, label: impl Into<String>, kind: &'a str) -> Self {
        Self {
            name,
            id: name,
            label: label.into(),
            kind,
            value: "",
            hint: None,
            error: None,
            required: true,
            autofocus: false,
            autocomplete: None,
            maxlength: None,
            multiple: false,
            accept: None,
        }
    }

    /// An `id` other than the name (two forms on one page with the same field name);
    /// errors are then looked up by this id.
    pub fn id(mut self, id: &'a str) -> Self {
        self.id = id;
        self
    }

    /// The value shown (what the user typed).
    pub fn value(mut self, value: &'a str) -> Self {
        self.value = value;
        self
    }

    /// A hint under the label.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Takes this field's error from `errors`, translated, and the focus if it is first.
    pub fn errors(mut self, ctx: &PageCtx, errors: &Errors) -> Self {
        if let Some(message) = errors.get(self.id) {
            self.error = Some(ctx.t(message));
            self.autofocus = errors.first() == Some(self.id);
        }
        self
    }

    /// Not required.
    pub fn optional(mut self) -> Self {
        self.required = false;
        self
    }

    /// The `autocomplete` token.
    pub fn autocomplete(mut self, token: &'a str) -> Self {
        self.autocomplete = Some(token);
        self
    }

    /// Longest value accepted.
    pub fn maxlength(mut self, n: usize) -> Self {
        self.maxlength = Some(n);
        self
    }

    /// A file input that takes several files.
    pub fn multiple(mut self) -> Self {
        self.multiple = true;
        self
    }

    /// The kinds of file a file input offers to pick.
    pub fn accept(mut self, accept: &'a str) -> Self {
        self.accept = Some(accept);
        self
    }

    fn described_by(&self) -> Option<String> {
        let ids: Vec<String> = [
            self.hint.as_ref().map(|_| format!("{}-hint", self.id)),
            self.error.as_ref().map(|_| format!("{}-error", self.id)),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }

    fn frame(&self, control: Markup) -> Markup {
        html! {
            div.field.has-error[self.error.is_some()] {
                label for=(self.id) {
                    (self.label)
                    @if self.required { span.required aria-hidden="true" { " *" } }
                }
                @if let Some(hint) = &self.hint {
                    p.hint id={ (self.id) "-hint" } { (hint) }
                }
                (control)
                @if let Some(error) = &self.error {
                    p.field-error id={ (self.id) "-error" } {
                        span.icon aria-hidden="true" { "⚠" } " " (error)
                    }
                }
            }
        }
    }

    /// Renders an `<input>`.
    pub fn render(&self) -> Markup {
        self.frame(html! {
            // A file input takes no value: the browser never shows one.
            input id=(self.id) name=(self.name) type=(self.kind)
                value=[(self.kind != "file").then_some(self.value)]
                required[self.required] autofocus[self.autofocus]
                multiple[self.multiple] accept=[self.accept]
                autocomplete=[self.autocomplete]
                maxlength=[self.maxlength]
                aria-invalid=[self.error.as_ref().map(|_| "true")]
                aria-describedby=[self.described_by()];
        })
    }

    /// Renders an `<input>` tied to the `<datalist>` with id `list`.
    pub fn render_with_list(&self, list: &str) -> Markup {
        self.frame(html! {
            input id=(self.id) name=(self.name) type=(self.kind) value=(self.value) list=(list)
                required[self.required] autofocus[self.autofocus]
                autocomplete="off"
                maxlength=[self.maxlength]
                aria-invalid=[self.error.as_ref().map(|_| "true")]
                aria-describedby=[self.described_by()];
        })
    }

    /// Renders a `<select>` of (value, label) options, the current value selected. Only
    /// one with an empty placeholder option can be left unchosen, so only that one carries
    /// `required` (HTML allows it nowhere else); the others say so with `aria-required`.
    pub fn select(&self, options: &[(String, String)], placeholder: Option<&str>) -> Markup {
        let can_be_empty =
            placeholder.is_some() || options.first().is_some_and(|(v, _)| v.is_empty());
        self.frame(html! {
            select id=(self.id) name=(self.name)
                required[self.required && can_be_empty]
                aria-required=[(self.required && !can_be_empty).then_some("true")]
                autofocus[self.autofocus]
                aria-invalid=[self.error.as_ref().map(|_| "true")]
                aria-describedby=[self.described_by()] {
                @if let Some(p) = placeholder {
                    option value="" selected[self.value.is_empty()] { (p) }
                }
                @for (value, label) in options {
                    option value=(value) selected[value == self.value] { (label) }
                }
            }
        })
    }

    /// Renders a `<textarea>`.
    pub fn textarea(&self) -> Markup {
        self.frame(html! {
            textarea id=(self.id) name=(self.name)
                required[self.required] autofocus[self.autofocus]
                maxlength=[self.maxlength]
                aria-invalid=[self.error.as_ref().map(|_| "true")]
                aria-describedby=[self.described_by()] { (self.value) }
        })
    }
}

/// A check box with its label beside it, and its error under it.
pub fn checkbox(
    ctx: &PageCtx,
    name: &str,
    label: Markup,
    checked: bool,
    errors: &Errors,
) -> Markup {
    let error = errors.get(name);
    html! {
        div.field.checkbox.has-error[error.is_some()] {
            input type="checkbox" id=(name) name=(name) value="on" checked[checked]
                autofocus[errors.first() == Some(name)]
                aria-invalid=[error.map(|_| "true")]
                aria-describedby=[error.map(|_| format!("{name}-error"))];
            label for=(name) { (label) }
            @if let Some(message) = error {
                p.field-error id={ (name) "-error" } {
                    span.icon aria-hidden="true" { "⚠" } " " (ctx.t(message))
                }
            }
        }
    }
}

/// The pager of a list read by key (Ticket Tracking, the service queue): "Previous",
/// "First page", "Page 2 of 7" and "Next". `link` is the list's address with its filters
/// and order; `number` the page's number as its link carried it; `backwards` whether the
/// page was read towards the start (a "Previous" link), whose look-ahead counted the rows
/// before it rather than after.
pub fn keyset_pager(
    ctx: &PageCtx,
    page: &crate::store::ticket_list::Page,
    (number, backwards): (usize, bool),
    link: &str,
) -> Markup {
    let size = page.size;
    if page.previous.is_none() && page.next.is_none() {
        return html! {};
    }
    let number = if page.previous.is_none() {
        1
    } else {
        number.max(2)
    };
    let label = if backwards {
        ctx.t_args(
            "pagination-page-only",
            &crate::i18n::args(&[("page", &number.to_string())]),
        )
    } else {
        let pages = number + page.beyond.div_ceil(size.max(1));
        let id = if page.beyond_more {
            "pagination-page-of-more"
        } else {
            "pagination-page"
        };
        ctx.t_args(
            id,
            &crate::i18n::args(&[("page", &number.to_string()), ("pages", &pages.to_string())]),
        )
    };
    html! {
        nav.pagination aria-label=(ctx.t("pagination")) {
            @if let Some(c) = page.previous {
                @if number > 2 { a href=(link) { (ctx.t("pagination-first")) } }
                // Back to the first page is a fresh read, which counts the pages after it.
                @let back = if number == 2 { link.to_owned() } else { format!("{link}&before={c}&page={}", number - 1) };
                a href=(back) rel="prev" { (ctx.t("pagination-previous")) }
            }
            span aria-current="page" { (label) }
            @if let Some(c) = page.next {
                a href={ (link) "&after=" (c) "&page=" (number + 1) } rel="next" { (ctx.t("pagination-next")) }
            }
        }
    }
}

/// The page number a list's link carries (`page=`), 1 when absent or not a number.
pub fn page_number(raw: &str) -> usize {
    raw.parse::<usize>().ok().filter(|n| *n >= 1).unwrap_or(1)
}
