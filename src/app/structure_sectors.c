/* Which sectors the structure table compares: in the database one level of
 * the indicator's classification, cut so that every figure is counted once;
 * in a file every sector named; and the variety groups from a CSV file
 * 'sector,group'. */
#include "app/structure_internal.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "io/csv.h"
#include "util/buf.h"
#include "util/xalloc.h"

struct app_structure_sectors_tree {
	const struct classification *cl;
	size_t		*parent;	/* index, or APP_STRUCTURE_NOT_FOUND */
	size_t		*children;
	bool		*has_data;
	size_t		 total;		/* the single all-sector root, or NOT_FOUND */
	int		 level;		/* the level compared */
	size_t		*cut;		/* sector indices compared, in order */
	size_t		 cut_count;
	struct app_structure_table *t;
};

static size_t
app_structure_sectors_tree_find(const struct classification *cl, const char *code)
{
	size_t i;

	if (code == NULL)
		return APP_STRUCTURE_NOT_FOUND;
	for (i = 0; i < cl->sector_count; i++)
		if (cl->sectors[i].code != NULL &&
		    strcmp(cl->sectors[i].code, code) == 0)
			return i;
	return APP_STRUCTURE_NOT_FOUND;
}

/* Takes sector s whole when it is at the level compared, or when it cannot be
 * split: no sub-sectors, or only one (C alone does not make up B_E). */
static void
app_structure_sectors_tree_visit(struct app_structure_sectors_tree *tr, size_t s, int depth)
{
	const struct sector *sec = &tr->cl->sectors[s];
	size_t c, only = APP_STRUCTURE_NOT_FOUND;

	if (sec->level >= tr->level || tr->children[s] < 2 || depth > 64) {
		tr->cut[tr->cut_count++] = s;
		if (sec->level < tr->level && tr->children[s] == 1) {
			for (c = 0; c < tr->cl->sector_count; c++)
				if (tr->parent[c] == s)
					only = c;
			app_structure_table_note(tr->t, "%s is compared whole: "
			    "its only sub-sector listed, %s, does not make it "
			    "up.", "%s wird als Ganzes verglichen: Der einzige "
			    "aufgeführte Unterbereich, %s, deckt ihn nicht ganz "
			    "ab.", sec->code, tr->cl->sectors[only].code);
		}
		return;
	}
	for (c = 0; c < tr->cl->sector_count; c++)
		if (tr->parent[c] == s)
			app_structure_sectors_tree_visit(tr, c, depth + 1);
}

/* The sectors compared at tr->level, in the classification's order. */
static void
app_structure_sectors_tree_cut(struct app_structure_sectors_tree *tr)
{
	const struct classification *cl = tr->cl;
	size_t i;

	tr->cut_count = 0;
	if (tr->total != APP_STRUCTURE_NOT_FOUND &&
	    tr->level > cl->sectors[tr->total].level) {
		for (i = 0; i < cl->sector_count; i++)
			if (tr->parent[i] == tr->total)
				app_structure_sectors_tree_visit(tr, i, 0);
	} else
		for (i = 0; i < cl->sector_count; i++)
			if (tr->parent[i] == APP_STRUCTURE_NOT_FOUND)
				app_structure_sectors_tree_visit(tr, i, 0);
}

static bool
app_structure_sectors_tree_ancestor(const struct app_structure_sectors_tree *tr, size_t a,
    size_t s)
{
	int depth;

	for (depth = 0; s != APP_STRUCTURE_NOT_FOUND && depth < 64; depth++) {
		s = tr->parent[s];
		if (s == a)
			return true;
	}
	return false;
}

/* Chooses the sectors of one level of the classification and maps the raw
 * sectors onto them: sector_map[raw] is the table's index,
 * APP_STRUCTURE_RAW_TOTAL for the all-sector total, or NOT_FOUND for a sector
 * left out (with a note why). */
int
app_structure_sectors_classified(const struct app_structure_options *opt,
    const struct classification *cl, struct app_structure_raw *raw,
    struct app_structure_table *t, size_t *sector_map, struct error *e)
{
	struct app_structure_sectors_tree tr = { 0 };
	struct buf parts = BUF_INIT, parts_de = BUF_INIT, other = BUF_INIT;
	struct buf none = BUF_INIT;
	size_t i, k, roots = 0, root = APP_STRUCTURE_NOT_FOUND, used = 0;
	int max_level = 1, status = -1;

	tr.cl = cl;
	tr.t = t;
	tr.parent = xcalloc(cl->sector_count + 1, sizeof(*tr.parent));
	tr.children = xcalloc(cl->sector_count + 1, sizeof(*tr.children));
	tr.has_data = xcalloc(cl->sector_count + 1, sizeof(*tr.has_data));
	tr.cut = xcalloc(cl->sector_count + 1, sizeof(*tr.cut));
	for (i = 0; i < cl->sector_count; i++) {
		tr.parent[i] = app_structure_sectors_tree_find(cl, cl->sectors[i].parent);
		if (tr.parent[i] == APP_STRUCTURE_NOT_FOUND) {
			roots++;
			root = i;
		} else
			tr.children[tr.parent[i]]++;
		if (cl->sectors[i].level > max_level)
			max_level = cl->sectors[i].level;
	}
	tr.total = roots == 1 && tr.children[root] > 0 ? root :
	    APP_STRUCTURE_NOT_FOUND;
	for (k = 0; k < raw->sectors.count; k++) {
		i = app_structure_sectors_tree_find(cl, raw->sectors.name[k]);
		if (i != APP_STRUCTURE_NOT_FOUND)
			tr.has_data[i] = true;
	}
	tr.level = opt->level > 0 ? opt->level : tr.total !=
	    APP_STRUCTURE_NOT_FOUND ? cl->sectors[tr.total].level + 1 : 1;
	if (tr.level < 1 || tr.level > max_level) {
		error_set(e, "--level %d: the levels of %s are 1 to %d", opt->level,
		    cl->code, max_level);
		goto done;
	}
	/* Without --level, the coarsest level (from the default down) at which
	 * the data have figures. */
	for (;;) {
		size_t notes = t->note_count;
		app_structure_sectors_tree_cut(&tr);
		for (k = 0; k < tr.cut_count; k++)
			if (tr.has_data[tr.cut[k]])
				break;
		if (k < tr.cut_count || opt->level > 0 || tr.level >= max_level)
			break;
		app_structure_table_note_drop(t, notes); /* that level's */
		tr.level++;
	}
	if (opt->level == 0 && tr.level > (tr.total != APP_STRUCTURE_NOT_FOUND ?
	    cl->sectors[tr.total].level + 1 : 1))
		app_structure_table_note(t, "Compared at level %d of %s, the "
		    "coarsest with figures.", "Verglichen wird auf Ebene %d der "
		    "Klassifikation %s, der gröbsten mit Zahlen.", tr.level,
		    cl->code);

	/* The compared sectors with data, in the classification's order. */
	for (k = 0; k < tr.cut_count; k++) {
		const char *code = cl->sectors[tr.cut[k]].code;
		if (!tr.has_data[tr.cut[k]]) {
			buf_printf(&none, "%s%s", none.len > 0 ? ", " : "", code);
			continue;
		}
		app_structure_names_add(&t->sectors, code);
		used++;
	}
	if (used == 0) {
		error_set(e, "no figures for the sectors of level %d of %s; the "
		    "data are at another level (try --level)", tr.level, cl->code);
		goto done;
	}
	if (none.len > 0)
		app_structure_table_note(t, "No figures for %s: left out.",
		    "Keine Zahlen für %s, daher weggelassen.", buf_cstr(&none));
	for (k = 0; k < raw->sectors.count; k++) {
		const char *code = raw->sectors.name[k];
		size_t c = app_structure_names_find(&t->sectors, code), a;
		sector_map[k] = c;
		if (c != APP_STRUCTURE_NOT_FOUND)
			continue;
		i = app_structure_sectors_tree_find(cl, code);
		if (i != APP_STRUCTURE_NOT_FOUND && i == tr.total) {
			sector_map[k] = APP_STRUCTURE_RAW_TOTAL;
			continue;
		}
		for (a = 0; i != APP_STRUCTURE_NOT_FOUND && a < tr.cut_count; a++)
			if (app_structure_sectors_tree_ancestor(&tr, tr.cut[a], i))
				break;
		if (i != APP_STRUCTURE_NOT_FOUND && a < tr.cut_count) {
			buf_printf(&parts, "%s%s (part of %s)", parts.len > 0 ?
			    ", " : "", code, cl->sectors[tr.cut[a]].code);
			buf_printf(&parts_de, "%s%s (Teil von %s)", parts_de.len >
			    0 ? ", " : "", code, cl->sectors[tr.cut[a]].code);
		} else
			buf_printf(&other, "%s%s", other.len > 0 ? ", " : "", code);
	}
	if (parts.len > 0) {	/* the lists say "part of": built whole */
		char *en = xasprintf("Left out so that nothing is counted twice: "
		    "%s.", buf_cstr(&parts));
		char *de = xasprintf("Weggelassen, damit nichts doppelt gezählt "
		    "wird: %s.", buf_cstr(&parts_de));
		app_structure_table_note_add(t, en, de);
		free(en);
		free(de);
	}
	if (other.len > 0)
		app_structure_table_note(t, "Left out, being made up of the "
		    "sectors compared or outside level %d of %s: %s.",
		    "Weggelassen, weil sie sich aus den verglichenen Bereichen "
		    "zusammensetzen oder außerhalb der Ebene %d der Klassifikation "
		    "%s liegen: %s.", tr.level, cl->code, buf_cstr(&other));

	/* Variety groups the sectors by their parents below the total. */
	if (opt->groups == NULL) {
		bool real = false;
		for (k = 0; k < t->sectors.count; k++) {
			i = app_structure_sectors_tree_find(cl, t->sectors.name[k]);
			if (tr.parent[i] != APP_STRUCTURE_NOT_FOUND &&
			    tr.parent[i] != tr.total)
				real = true;
		}
		if (real) {
			t->sector_group = xcalloc(t->sectors.count,
			    sizeof(*t->sector_group));
			for (k = 0; k < t->sectors.count; k++) {
				size_t p;
				i = app_structure_sectors_tree_find(cl, t->sectors.name[k]);
				p = tr.parent[i] != APP_STRUCTURE_NOT_FOUND &&
				    tr.parent[i] != tr.total ? tr.parent[i] : i;
				t->sector_group[k] = app_structure_names_add(
				    &t->groups, cl->sectors[p].code);
			}
			t->groups_source = xasprintf("the parents of the sectors "
			    "in %s", cl->code);
		} else if (tr.level < max_level)
			app_structure_table_note(t, "Related and unrelated variety "
			    "need a coarser level of %s between these sectors and "
			    "the total, and it has none here: give --groups FILE or "
			    "a finer --level.", "Verwandte und unverwandte Vielfalt "
			    "brauchen eine gröbere Ebene der Klassifikation %s "
			    "zwischen diesen Bereichen und der Gesamtzahl, und die "
			    "gibt es hier nicht: Geben Sie mit --groups FILE eine "
			    "Gruppierung an oder wählen Sie mit --level eine feinere "
			    "Ebene.", cl->code);
		else
			app_structure_table_note(t, "Related and unrelated variety "
			    "need a coarser level of %s between these sectors and "
			    "the total, and it has none here: give --groups FILE.",
			    "Verwandte und unverwandte Vielfalt brauchen eine "
			    "gröbere Ebene der Klassifikation %s zwischen diesen "
			    "Bereichen und der Gesamtzahl, und die gibt es hier "
			    "nicht: Geben Sie mit --groups FILE eine Gruppierung "
			    "an.", cl->code);
	}
	t->classification = xstrdup(cl->code);
	status = 0;
done:
	buf_free(&parts);
	buf_free(&parts_de);
	buf_free(&other);
	buf_free(&none);
	free(tr.parent);
	free(tr.children);
	free(tr.has_data);
	free(tr.cut);
	return status;
}

/* Without a classification: every sector named, in the order met. */
void
app_structure_sectors_named(struct app_structure_raw *raw,
    struct app_structure_table *t, size_t *sector_map)
{
	size_t k;

	for (k = 0; k < raw->sectors.count; k++)
		sector_map[k] = app_structure_names_add(&t->sectors,
		    raw->sectors.name[k]);
}

/* ---- groups file ---------------------------------------------------------- */

int
app_structure_sectors_groups(const char *path, struct app_structure_table *t,
    struct diag_list *diags, struct error *e)
{
	struct csv_options co = { 0 };
	struct csv_reader *csv = NULL;
	struct csv_record *rec;
	enum csv_status rc;
	size_t before = diags->total, k, s, g;
	long *line;
	int status = -1;

	t->sector_group = xcalloc(t->sectors.count + 1, sizeof(*t->sector_group));
	line = xcalloc(t->sectors.count + 1, sizeof(*line));
	if (csv_open_file(path, &co, &csv, e) == -1) {
		diag_add(diags, path, 0, 0, "cannot open: %s", e->message);
		goto done;
	}
	while ((rc = csv_next(csv, &rec, e)) != CSV_END) {
		if (rc == CSV_ERROR) {
			long l, c;
			const char *msg = csv_error_at(csv, &l, &c);
			diag_add(diags, path, l, c, "%s", msg);
			if (csv_failed(csv))
				break;
			continue;
		}
		if (rec->count != 2) {
			diag_add(diags, path, rec->line, 1, "%zu fields: a line is "
			    "'sector,group'", rec->count);
			continue;
		}
		if (rec->number == 1 &&
		    strcasecmp(rec->fields[0].data, "sector") == 0 &&
		    strcasecmp(rec->fields[1].data, "group") == 0)
			continue;	/* the header */
		if (rec->fields[0].len == 0 || rec->fields[1].len == 0) {
			diag_add(diags, path, rec->line, rec->fields[0].len == 0 ?
			    rec->fields[0].column : rec->fields[1].column,
			    "an empty sector or group");
			continue;
		}
		s = app_structure_names_find(&t->sectors, rec->fields[0].data);
		if (s == APP_STRUCTURE_NOT_FOUND)
			continue;	/* a mapping may cover more sectors */
		g = app_structure_names_add(&t->groups, rec->fields[1].data);
		if (line[s] != 0 && t->sector_group[s] != g) {
			diag_add(diags, path, rec->line, rec->fields[1].column,
			    "sector '%s' is put into a second group (line %ld "
			    "says '%s')", rec->fields[0].data, line[s],
			    t->groups.name[t->sector_group[s]]);
			continue;
		}
		t->sector_group[s] = g;
		line[s] = rec->line;
	}
	for (k = 0; k < t->sectors.count; k++)
		if (line[k] == 0)
			diag_add(diags, path, 0, 0, "sector '%s' has no group",
			    t->sectors.name[k]);
	if (diags->total > before) {
		error_set(e, "%s: %zu problem%s", path, diags->total - before,
		    diags->total - before == 1 ? "" : "s");
		goto done;
	}
	t->groups_source = xstrdup(path);
	status = 0;
done:
	csv_close(csv);
	free(line);
	return status;
}
