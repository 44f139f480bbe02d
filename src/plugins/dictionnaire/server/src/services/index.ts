import demo from './demo';
import requests from '../requests/service';
import contributors from '../contributors/service';
import words from '../words/service';
import notices from '../notices/service';
import admin from '../admin/service';

export default { demo, requests, contributors, words, notices, admin };
