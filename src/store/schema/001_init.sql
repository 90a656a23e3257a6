-- wiall schema, version 1: the catalogue (vision, goals, indicators, versioned
-- targets), regions with their alternative codes, sector classifications, and
-- the time-series store (series, observations, revisions, import batches).
-- Later migrations add the alliance (bodies, meetings, measures), accounts,
-- ratings and impact models; they refer to these tables by id and code.
-- Kept to portable SQL where cheap (a PostgreSQL backend is planned); STRICT
-- is SQLite's and is simply dropped there.

CREATE TABLE meta (
	key	TEXT PRIMARY KEY,
	value	TEXT NOT NULL
) STRICT;

CREATE TABLE vision (
	id		INTEGER PRIMARY KEY,
	code		TEXT NOT NULL UNIQUE,
	title_de	TEXT NOT NULL,
	title_en	TEXT,
	description_de	TEXT,
	description_en	TEXT,
	adopted		TEXT		-- ISO date the members signed it
) STRICT;

CREATE TABLE region (
	id		INTEGER PRIMARY KEY,
	code		TEXT NOT NULL UNIQUE,	-- AGS or NUTS, as the catalogue names it
	name_de		TEXT NOT NULL,
	name_en		TEXT,
	level		TEXT NOT NULL,		-- nation, state, district, municipality, area ...
	parent_id	INTEGER REFERENCES region(id),
	position	INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Other official codes of a region (Bottrop: 05512000 is the code, DEA31 and
-- 05512 are aliases), so that files from Eurostat and IT.NRW import alike.
CREATE TABLE region_alias (
	alias		TEXT PRIMARY KEY,
	region_id	INTEGER NOT NULL REFERENCES region(id) ON DELETE CASCADE,
	scheme		TEXT			-- "nuts", "ags", "ars" ...
) STRICT;

CREATE TABLE goal (
	id		INTEGER PRIMARY KEY,
	code		TEXT NOT NULL UNIQUE,
	parent_id	INTEGER REFERENCES goal(id),
	title_de	TEXT NOT NULL,
	title_en	TEXT,
	description_de	TEXT,
	description_en	TEXT,
	perspective	TEXT,			-- balanced-scorecard perspective, optional
	position	INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE indicator (
	id		INTEGER PRIMARY KEY,
	code		TEXT NOT NULL UNIQUE,
	title_de	TEXT NOT NULL,
	title_en	TEXT,
	definition_de	TEXT,
	definition_en	TEXT,
	unit		TEXT NOT NULL,
	decimals	INTEGER NOT NULL DEFAULT 1,
	polarity	INTEGER NOT NULL CHECK (polarity IN (-1, 0, 1)),
	dimension	TEXT CHECK (dimension IN
			    ('economic', 'ecological', 'social', 'governance')),
	principle	TEXT,			-- resilience principle
	field		TEXT,			-- action field (Handlungsfeld)
	source		TEXT,
	source_url	TEXT,
	method_note	TEXT,
	reference_region_id INTEGER REFERENCES region(id),
	annual		TEXT NOT NULL DEFAULT 'mean'
			    CHECK (annual IN ('mean', 'last', 'sum')),
	classification_id INTEGER REFERENCES classification(id),
	position	INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE indicator_goal (
	indicator_id	INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
	goal_id		INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
	PRIMARY KEY (indicator_id, goal_id)
) STRICT;

CREATE TABLE indicator_sdg (
	indicator_id	INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
	sdg		TEXT NOT NULL,		-- "8", "8.5"
	PRIMARY KEY (indicator_id, sdg)
) STRICT;

-- A target version. The current one has valid_to NULL; a changed target sets
-- the old row's valid_to and adds a new row (DESIGN.md: targets are versioned).
CREATE TABLE target (
	id		INTEGER PRIMARY KEY,
	indicator_id	INTEGER NOT NULL REFERENCES indicator(id) ON DELETE CASCADE,
	code		TEXT NOT NULL,		-- distinguishes several targets of one indicator
	kind		TEXT NOT NULL CHECK (kind IN
			    ('value', 'interval', 'every_year', 'direction', 'reference')),
	value		REAL,
	low		REAL,
	high		REAL,
	year		INTEGER,		-- target year; NULL for every_year / direction
	reference_region_id INTEGER REFERENCES region(id),
	note_de		TEXT,
	note_en		TEXT,
	valid_from	TEXT NOT NULL,		-- ISO date
	valid_to	TEXT,			-- ISO date; NULL = current
	UNIQUE (indicator_id, code, valid_from)
) STRICT;

CREATE TABLE classification (
	id		INTEGER PRIMARY KEY,
	code		TEXT NOT NULL UNIQUE,	-- "WZ2008"
	name_de		TEXT NOT NULL,
	name_en		TEXT
) STRICT;

CREATE TABLE sector (
	id		INTEGER PRIMARY KEY,
	classification_id INTEGER NOT NULL REFERENCES classification(id) ON DELETE CASCADE,
	code		TEXT NOT NULL,		-- "C", "10", "B-E"
	name_de		TEXT NOT NULL,
	name_en		TEXT,
	parent_id	INTEGER REFERENCES sector(id),
	level		INTEGER NOT NULL,	-- 1 = top (sections or groups)
	position	INTEGER NOT NULL DEFAULT 0,
	UNIQUE (classification_id, code)
) STRICT;

-- A registered economic shock (METHODS §3.7): peak, trough, end of recovery.
CREATE TABLE shock (
	id		INTEGER PRIMARY KEY,
	code		TEXT NOT NULL UNIQUE,	-- "financial-crisis-2008"
	name_de		TEXT NOT NULL,
	name_en		TEXT,
	peak		TEXT NOT NULL,		-- periods
	trough		TEXT NOT NULL,
	recovery_end	TEXT NOT NULL
) STRICT;

CREATE TABLE batch (
	id		INTEGER PRIMARY KEY,
	file_name	TEXT NOT NULL,
	sha256		TEXT NOT NULL,
	format		TEXT NOT NULL,		-- long-csv, wide-csv, sdmx-csv-1, sdmx-csv-2
	options		TEXT,			-- the command-line options that shaped it
	rows_read	INTEGER NOT NULL,
	rows_new	INTEGER NOT NULL,
	rows_changed	INTEGER NOT NULL,
	rows_unchanged	INTEGER NOT NULL,
	created_at	TEXT NOT NULL		-- ISO date-time, UTC
) STRICT;

-- A series: one indicator in one region with one set of dimension values, e.g.
-- sector=C. `dims` is canonical: key=value pairs sorted by key, joined by ';'.
CREATE TABLE series (
	id		INTEGER PRIMARY KEY,
	indicator_id	INTEGER NOT NULL REFERENCES indicator(id),
	region_id	INTEGER NOT NULL REFERENCES region(id),
	dims		TEXT NOT NULL DEFAULT '',
	UNIQUE (indicator_id, region_id, dims)
) STRICT;

-- value NULL means missing (with a flag saying why), never 0.
CREATE TABLE observation (
	series_id	INTEGER NOT NULL REFERENCES series(id),
	period		TEXT NOT NULL,		-- 2017, 2017-Q2, 2017-06
	value		REAL,
	flag		TEXT NOT NULL DEFAULT '',
	unit		TEXT,
	source		TEXT,
	note		TEXT,
	batch_id	INTEGER NOT NULL REFERENCES batch(id),
	PRIMARY KEY (series_id, period)
) STRICT, WITHOUT ROWID;

CREATE TABLE revision (
	id		INTEGER PRIMARY KEY,
	series_id	INTEGER NOT NULL REFERENCES series(id),
	period		TEXT NOT NULL,
	old_value	REAL,
	old_flag	TEXT NOT NULL,
	new_value	REAL,
	new_flag	TEXT NOT NULL,
	old_batch_id	INTEGER NOT NULL REFERENCES batch(id),
	batch_id	INTEGER NOT NULL REFERENCES batch(id)
) STRICT;

CREATE INDEX revision_series ON revision(series_id, period);
CREATE INDEX observation_batch ON observation(batch_id);
CREATE INDEX series_region ON series(region_id);
CREATE INDEX target_indicator ON target(indicator_id);
