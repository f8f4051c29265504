// events_duckdb.mjs FILE THREADS -- the DuckDB side of bench/events_bench.sh:
// read_csv with explicit GDELT 1.0 columns, GROUP BY actor1 country, actor2
// country, year, quad class with count and sum(GoldsteinScale).  Prints one
// line: "duckdb <version> threads=N seconds=S rows=R groups=G events_with_both=E".
import { DuckDBInstance } from '@duckdb/node-api';

const [file, threads = '2'] = process.argv.slice(2);
const names = ['GLOBALEVENTID','SQLDATE','MonthYear','Year','FractionDate','Actor1Code','Actor1Name',
  'Actor1CountryCode','Actor1KnownGroupCode','Actor1EthnicCode','Actor1Religion1Code','Actor1Religion2Code',
  'Actor1Type1Code','Actor1Type2Code','Actor1Type3Code','Actor2Code','Actor2Name','Actor2CountryCode',
  'Actor2KnownGroupCode','Actor2EthnicCode','Actor2Religion1Code','Actor2Religion2Code','Actor2Type1Code',
  'Actor2Type2Code','Actor2Type3Code','IsRootEvent','EventCode','EventBaseCode','EventRootCode','QuadClass',
  'GoldsteinScale','NumMentions','NumSources','NumArticles','AvgTone','Actor1Geo_Type','Actor1Geo_FullName',
  'Actor1Geo_CountryCode','Actor1Geo_ADM1Code','Actor1Geo_Lat','Actor1Geo_Long','Actor1Geo_FeatureID',
  'Actor2Geo_Type','Actor2Geo_FullName','Actor2Geo_CountryCode','Actor2Geo_ADM1Code','Actor2Geo_Lat',
  'Actor2Geo_Long','Actor2Geo_FeatureID','ActionGeo_Type','ActionGeo_FullName','ActionGeo_CountryCode',
  'ActionGeo_ADM1Code','ActionGeo_Lat','ActionGeo_Long','ActionGeo_FeatureID','DATEADDED','SOURCEURL'];
const types = { GLOBALEVENTID: 'BIGINT', SQLDATE: 'INTEGER', MonthYear: 'INTEGER', Year: 'INTEGER',
  FractionDate: 'DOUBLE', IsRootEvent: 'INTEGER', QuadClass: 'INTEGER', GoldsteinScale: 'DOUBLE',
  NumMentions: 'INTEGER', NumSources: 'INTEGER', NumArticles: 'INTEGER', AvgTone: 'DOUBLE' };
const cols = '{' + names.map(n => `'${n}': '${types[n] || 'VARCHAR'}'`).join(', ') + '}';

const db = await DuckDBInstance.create(':memory:', { threads: String(threads) });
const con = await db.connect();
const ver = (await (await con.run('SELECT version()')).getRows())[0][0];
const sql = `SELECT Actor1CountryCode AS a1, Actor2CountryCode AS a2, Year AS year, QuadClass AS quad,
  count(*) AS events, sum(GoldsteinScale) AS goldstein_sum
  FROM read_csv('${file.replace(/'/g, "''")}', delim='\\t', header=false, quote='', escape='',
                auto_detect=false, columns=${cols})
  GROUP BY ALL`;
const t0 = process.hrtime.bigint();
const res = await con.run(sql);
const rows = await res.getRows();
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
let total = 0n, both = 0n;
for (const r of rows) {
  total += BigInt(r[4]);
  if (r[0] !== null && r[1] !== null) both += BigInt(r[4]);
}
console.log(`duckdb ${ver} threads=${threads} seconds=${secs.toFixed(3)} rows=${total} groups=${rows.length} events_with_both=${both}`);
