/**
 * Secret shapes for the redaction tests. The values are fake and assembled from parts at run time, so this
 * file holds no string that a secret scanner would take for a real credential.
 */
const j = (...parts: string[]): string => parts.join('');
const rep = (s: string, n: number): string => s.repeat(Math.ceil(n / s.length)).slice(0, n);

export interface SecretSample {
  readonly shape: string;
  /** A line (or lines) of code holding the secret. */
  readonly code: string;
  /** What must never reach the model (each line checked separately for multi-line secrets). */
  readonly secret: string;
}

const pemBody = [rep('MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun', 64), rep('VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK', 64)];
const key = (kind: string): string => [`-----BEGIN ${kind}-----`, ...pemBody, `-----END ${kind}-----`].join('\n');

const samples: [string, string, string][] = [
  ['AWS access key id', j('AKIA', 'Q3EXAMPLE7KEY9AB'), 'aws_access_key_id = "{}"'],
  ['AWS secret access key', j('wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYEXAMPLEKEY'), 'aws_secret_access_key = "{}"'],
  ['GitHub classic PAT', j('gh', 'p_', rep('a1B2c3D4e5', 36)), 'GH_TOKEN = "{}"'],
  ['GitHub app installation token', j('gh', 's_', rep('Z9y8X7w6V5', 36)), 'headers = {"Authorization": "token {}"}'],
  ['GitHub OAuth token', j('gh', 'o_', rep('Qw3Er4Ty5U', 36)), 'client.login("{}")'],
  ['GitHub fine-grained PAT', j('github', '_pat_', '11ABCDEFG0', rep('abcXYZ0189_', 70)), 'requests.get(url, headers={"Authorization": "Bearer {}"})'],
  ['GitLab PAT', j('gl', 'pat-', rep('xY7_zK9-pQ', 20)), 'gitlab.Gitlab(url, private_token="{}")'],
  ['Slack bot token', j('xo', 'xb-', '123456789012-1234567890123-', rep('AbCdEfGhIj', 24)), 'slack = WebClient(token="{}")'],
  ['Slack user token', j('xo', 'xp-', '123456789012-1234567890123-1234567890123-', rep('0a1b2c3d4e', 32)), 'notify("{}")'],
  ['Slack webhook', j('https://hooks.slack', '.com/services/', 'T00000000/B00000000/', rep('XyZ123abc', 24)), 'WEBHOOK = "{}"'],
  ['Discord webhook', j('https://discord', '.com/api/webhooks/', '123456789012345678/', rep('aB3_cD4-eF', 68)), 'post("{}", data)'],
  ['Stripe live secret key', j('sk', '_live_', rep('4eC39HqLyjWDarjtT1zdp7dc', 24)), 'stripe.api_key = "{}"'],
  ['Stripe restricted key', j('rk', '_live_', rep('51HxYzAbCdEf', 24)), 'Stripe("{}")'],
  ['Google API key', j('AI', 'za', rep('SyA1b2C3d4E5f6G7h8I9j0K_-', 35)), 'maps(key="{}")'],
  ['Google OAuth client secret', j('GOC', 'SPX-', rep('1a2B3c4D5e6F7g', 28)), 'flow = Flow(client_id, "{}")'],
  ['OpenAI project key', j('sk', '-proj-', rep('Ab1Cd2Ef3Gh4', 48)), 'openai.OpenAI(api_key="{}")'],
  ['Anthropic key', j('sk', '-ant-api03-', rep('Zx9Yw8Vu7Ts6', 90)), 'Anthropic(api_key="{}")'],
  ['SendGrid key', j('S', 'G.', rep('ngeVfQFYQlKU0ufo8x5d1A', 22), '.', rep('TwL2iGABf9DHoTf-09kqeF8tAmbihYzrnopKc-1s5cr', 43)), 'sg = SendGridAPIClient("{}")'],
  ['Twilio API key', j('S', 'K', rep('0123456789abcdef', 32)), 'Client("{}", other)'],
  ['npm token', j('np', 'm_', rep('a1b2C3d4E5f6', 36)), '//registry.npmjs.org/:_authToken={}'],
  ['PyPI token', j('py', 'pi-AgEIcHlwaS5vcmc', rep('CJDE0NmYwLWIzZGEtNDk5', 70)), 'twine_password("{}")'],
  ['Hugging Face token', j('h', 'f_', rep('aBcDeFgHiJkLmNoPqR', 34)), 'login("{}")'],
  ['DigitalOcean token', j('do', 'p_v1_', rep('0123456789abcdef', 64)), 'do = Manager("{}")'],
  ['Shopify token', j('sh', 'pat_', rep('abcdef0123456789', 32)), 'shop.session("{}")'],
  ['Mailgun key', j('ke', 'y-', rep('0f1e2d3c4b5a6978', 32)), 'auth=("api", "{}")'],
  ['Square token', j('sq', '0atp-', rep('1A2b3C4d5E6f7G8h9I0jK', 22)), 'square.Client(access_token="{}")'],
  ['Telegram bot token', j('1234567890', ':AA', rep('Hx8d7Yq2LmN4oP6rS9tU1vW3xZ5bC7eG', 33)), 'bot = Bot("{}")'],
  ['JWT', j('ey', 'JhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', '.', 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ', '.', 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'), 'session.cookies["auth"] = "{}"'],
  ['RSA private key block', key('RSA PRIVATE KEY'), 'PEM = """{}"""'],
  ['OpenSSH private key block', key('OPENSSH PRIVATE KEY'), "ssh_key = '''{}'''"],
  ['PKCS8 key in JSON with \\n escapes', key('PRIVATE KEY').replace(/\n/g, '\\n'), '{"type": "service_account", "private_key": "{}"}'],
  ['password literal (Python)', 'hunter2!Correct', 'password = "{}"'],
  ['password keyword argument', 'pa55w0rd-Prod', 'db.connect(user="app", password="{}")'],
  ['password (Java)', 'S3cr3t-Pa55', 'private static final String DB_PASSWORD = "{}";'],
  ['passwd (JavaScript object)', 'correct horse battery staple', "const cfg = { passwd: '{}' };"],
  ['client secret (Go)', 'zq8Kp2Lm9Xv4Rt', 'clientSecret := "{}"'],
  ['URL with credentials (PostgreSQL)', 'Tr0ub4dor&3', 'DATABASE_URL = "postgres://admin:{}@db.internal:5432/app"'],
  ['URL with credentials (MongoDB SRV)', 'm0ngoPa55w0rd', 'client = MongoClient("mongodb+srv://svc:{}@cluster0.example.net/db")'],
  ['ADO.NET connection string', 'Azur3Pa55!x', 'conn = "Server=tcp:x.database.windows.net;Database=db;User ID=sa;Password={};"'],
  ['Azure storage account key', j(rep('Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq', 86), '=='), 'AZ = "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey={};EndpointSuffix=core.windows.net"'],
  ['Bearer header', rep('eyZ1a2b3c4d5e6f7g8h9', 40), 'h = {"Authorization": "Bearer {}"}'],
  ['Basic auth header', 'dXNlcjpwYXNzd29yZDEyMzQ1Njc=', 'h = {"Authorization": "Basic {}"}'],
  ['.env secret line', rep('whsec_a1B2c3D4e5F6g7H8', 38), 'STRIPE_WEBHOOK_SECRET={}'],
  ['YAML token line', rep('a1b2c3d4e5f6g7h8i9j0', 32), 'auth_token: {}'],
  ['generic high-entropy key', rep('9f8e7d6c5b4a3f2e1d0c', 40), 'signing_key = {}'],
];

export const SECRET_SAMPLES: readonly SecretSample[] = samples.map(([shape, secret, template]) => ({ shape, secret, code: template.replace('{}', secret) }));

/** The pieces of a secret to look for in what was sent: each line of a multi-line secret, minus PEM markers. */
export function secretPieces(secret: string): string[] {
  return secret
    .split(/\n|\\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/^-----(BEGIN|END) /.test(l));
}
