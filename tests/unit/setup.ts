// A fresh in-memory IndexedDB for every test file, installed globally the way a browser has it.
import 'fake-indexeddb/auto';
