-- wiall schema, version 2: composite indices defined in the catalogue
-- (METHODS §4, docs/index.md): the regions an index compares, its period,
-- the hierarchy of its components with the indicator (and derived measure)
-- each leaf takes, its methods and the uncertainty analysis its page shows.
-- Methods are kept in the text form of `wiall index` ("minmax:0,100").

CREATE TABLE composite_index (
	id		INTEGER PRIMARY KEY,
	code		TEXT NOT NULL UNIQUE,
	title_de	TEXT NOT NULL,
	title_en	TEXT,
	description_de	TEXT,
	description_en	TEXT,
	period		TEXT NOT NULL,		-- a year, or 'latest'
	normalise	TEXT,			-- NULL: minmax:0,100
	aggregate	TEXT,			-- NULL: amean
	position	INTEGER NOT NULL DEFAULT 0
) STRICT;

-- The regions compared, in the author's order.
CREATE TABLE composite_index_unit (
	index_id	INTEGER NOT NULL REFERENCES composite_index(id)
			    ON DELETE CASCADE,
	region_id	INTEGER NOT NULL REFERENCES region(id),
	position	INTEGER NOT NULL,
	PRIMARY KEY (index_id, region_id)
) STRICT;

-- A component: a leaf names an indicator (and what it takes of it), an
-- aggregate does not. parent is the code of an aggregate of the same index;
-- NULL puts the component directly under the index.
CREATE TABLE composite_index_component (
	index_id	INTEGER NOT NULL REFERENCES composite_index(id)
			    ON DELETE CASCADE,
	code		TEXT NOT NULL,
	parent		TEXT,
	title_de	TEXT NOT NULL,
	title_en	TEXT,
	weight		REAL,			-- NULL: 1
	indicator_id	INTEGER REFERENCES indicator(id),
	measure		TEXT CHECK (measure IN ('level', 'growth', 'share',
			    'entropy', 'hhi', 'resistance')),	-- NULL: level
	direction	INTEGER CHECK (direction IN (-1, 1)), -- NULL: default
	from_period	TEXT,			-- growth
	sector		TEXT,			-- share: a sector code
	shock_id	INTEGER REFERENCES shock(id),	-- resistance
	position	INTEGER NOT NULL,
	PRIMARY KEY (index_id, code)
) STRICT;

-- The uncertainty analysis (METHODS §4.10): alternatives joined by '/', as
-- `wiall index uncertainty --vary normalise=…` takes them.
CREATE TABLE composite_index_uncertainty (
	index_id	INTEGER PRIMARY KEY REFERENCES composite_index(id)
			    ON DELETE CASCADE,
	normalise	TEXT,
	aggregate	TEXT,
	weights		REAL,			-- 0.25: each weight within ±25 %
	runs		INTEGER NOT NULL,
	seed		INTEGER NOT NULL
) STRICT;

CREATE INDEX composite_index_component_indicator
    ON composite_index_component(indicator_id);
CREATE INDEX composite_index_component_shock
    ON composite_index_component(shock_id);
CREATE INDEX composite_index_unit_region ON composite_index_unit(region_id);
