// @ts-check
// Sets up a team's database on the team's own CouchDB: creates the database and makes its members the team's reps
// and managers (its `_security` document), so that nobody else can read even the ciphertext. Optionally creates the
// members' CouchDB users. Run it once per team, as a CouchDB admin:
//
//   node scripts/couchdb-team.mjs --server https://couch.example.com --database ridealong-acme \
//     --admin admin:secret --members sam,dana [--create-users sam:pw1,dana:pw2]
//
// It talks to that server only, and prints what it did.
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    server: { type: 'string' },
    database: { type: 'string' },
    admin: { type: 'string' },
    members: { type: 'string', default: '' },
    'create-users': { type: 'string', default: '' },
  },
});

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(message);
  process.exit(1);
}

const usage = 'Usage: node scripts/couchdb-team.mjs --server URL --database NAME --admin USER:PASSWORD --members a,b';
const databaseName = values.database ?? fail(usage);
const server = (values.server ?? fail(usage)).replace(/\/+$/, '');
const admin = values.admin ?? fail(usage);
// CouchDB's rule for database names.
if (!/^[a-z][a-z0-9_$()+/-]*$/.test(databaseName)) {
  fail(`"${databaseName}" is not a CouchDB database name: lowercase letters, digits and _$()+-/ only.`);
}
const authorization = `Basic ${Buffer.from(admin).toString('base64')}`;
const list = (/** @type {string} */ text) =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** @param {string} method @param {string} path @param {unknown} [body] */
async function couch(method, path, body) {
  const response = await fetch(`${server}${path}`, {
    method,
    headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  }).catch((error) => fail(`Can't reach ${server}: ${error.message}`));
  const answer = await response.json().catch(() => ({}));
  return { status: response.status, answer };
}

const database = `/${encodeURIComponent(databaseName)}`;
const created = await couch('PUT', database);
if (created.status === 201) console.log(`Created the database ${databaseName}.`);
else if (created.status === 412) console.log(`The database ${databaseName} is there already.`);
else if (created.status === 401) fail('The admin name or password is wrong.');
else fail(`Could not create ${databaseName}: ${created.status} ${JSON.stringify(created.answer)}`);

for (const pair of list(values['create-users'])) {
  const [name, password] = pair.split(':');
  if (!name || !password) fail(`"${pair}" is not name:password.`);
  const id = `org.couchdb.user:${name}`;
  const user = await couch('PUT', `/_users/${encodeURIComponent(id)}`, { name, password, roles: [], type: 'user' });
  if (user.status === 201 || user.status === 202) console.log(`Created the user ${name}.`);
  else if (user.status === 409) console.log(`The user ${name} is there already (password unchanged).`);
  else fail(`Could not create the user ${name}: ${user.status} ${JSON.stringify(user.answer)}`);
}

const members = list(values.members);
const security = await couch('PUT', `${database}/_security`, {
  admins: { names: [], roles: [] },
  members: { names: members, roles: [] },
});
if (security.status !== 200) fail(`Could not set the members: ${security.status} ${JSON.stringify(security.answer)}`);
console.log(
  members.length
    ? `Members of ${databaseName}: ${members.join(', ')}. Only they (and the server's admins) can read it.`
    : `${databaseName} has no members yet: only the server's admins can read it. Add them with --members.`,
);
