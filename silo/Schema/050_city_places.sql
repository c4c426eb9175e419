-- Issue 16: the city's districts and streets (区域、街道), managed in the back office through the places grain
-- (aggregate city_places). Orders, addresses and merchants' service areas keep the district's Chinese name as they
-- always have; a renamed district keeps its old names in former_names, so those records stay valid.
CREATE TABLE city_district (
    code         text PRIMARY KEY,
    name_zh      text NOT NULL,
    name_en      text NOT NULL,
    sort_order   integer NOT NULL,
    active       boolean NOT NULL DEFAULT true,
    former_names text[] NOT NULL DEFAULT '{}',
    updated_at   timestamptz NOT NULL
);

CREATE TABLE city_street (
    district_code text NOT NULL REFERENCES city_district (code),
    code          text NOT NULL,
    name_zh       text NOT NULL,
    name_en       text NOT NULL,
    sort_order    integer NOT NULL,
    active        boolean NOT NULL DEFAULT true,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (district_code, code)
);
