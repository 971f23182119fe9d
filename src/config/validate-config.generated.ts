// @ts-nocheck
/* eslint-disable */
// Generated from src/config/schema.ts by build.mjs (src/config/validator-codegen.ts, ajv standalone code).
// Do not edit: change the schema and run `node build.mjs`.
import ucs2length from 'ajv/dist/runtime/ucs2length';
export const validate = validate21;
export default validate21;
const schema6 = {"properties":{"devices":{"properties":{"printer":{"properties":{"paperWidth":{"enum":[58,80]}}}}},"terminal":{"properties":{"locale":{"enum":["zh-CN","zh-TW","zh-HK","en"]}},"required":["id","merchantId"]},"host":{"required":["address","port"]}}};
const pattern0 = new RegExp("^[0-9A-Za-z]{8}$", "u");
const pattern1 = new RegExp("^[0-9A-Za-z]{15}$", "u");
const pattern2 = new RegExp("^[a-z0-9-]{2,20}$", "u");
const pattern4 = new RegExp("^([0-9A-Fa-f]{2})*$", "u");
const func2 = ucs2length;
const schema7 = {"properties":{"baudRate":{"enum":[1200,2400,4800,9600,19200,38400,57600,115200,230400,460800,921600]},"path":0,"dataBits":0,"parity":0,"stopBits":0,"rtscts":0,"xon":0,"xoff":0,"aids":0,"kind":0,"name":0,"paperWidth":0,"profile":0,"readExpiry":0,"timeouts":0,"timing":0}};
const func4 = Object.prototype.hasOwnProperty;

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.path === undefined){
vErrors = addError(vErrors, instancePath, "#/required", {missingProperty: "path"});
errors++;
}
for(const key0 in data){
if(!(func4.call(schema7.properties, key0))){
vErrors = addError(vErrors, instancePath, "#/additionalProperties", {additionalProperty: key0});
errors++;
}
}
if(data.path !== undefined){
let data0 = data.path;
if(typeof data0 === "string"){
if(func2(data0) < 1){
vErrors = addError(vErrors, instancePath+"/path", "#/properties/path/minLength", {limit: 1});
errors++;
}
}
else {
vErrors = addError(vErrors, instancePath+"/path", "#/properties/path/type", {type: "string"});
errors++;
}
}
if(data.baudRate !== undefined){
let data1 = data.baudRate;
if(!((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1)))){
vErrors = addError(vErrors, instancePath+"/baudRate", "#/properties/baudRate/type", {type: "integer"});
errors++;
}
if(!(((((((((((data1 === 1200) || (data1 === 2400)) || (data1 === 4800)) || (data1 === 9600)) || (data1 === 19200)) || (data1 === 38400)) || (data1 === 57600)) || (data1 === 115200)) || (data1 === 230400)) || (data1 === 460800)) || (data1 === 921600))){
vErrors = addError(vErrors, instancePath+"/baudRate", "#/properties/baudRate/enum", {allowedValues: schema7.properties.baudRate.enum});
errors++;
}
}
}
else {
vErrors = addError(vErrors, instancePath, "#/type", {type: "object"});
errors++;
}
validate22.errors = vErrors;
return errors === 0;
}

const schema8 = {"properties":{"kind":{"enum":["pn532","msr605","ccid"]}}};
const pattern3 = new RegExp("^[0-9A-Za-z][0-9A-Za-z._-]{0,15}$", "u");

function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(!(validate22(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
vErrors = addError(vErrors, instancePath, "#/required", {missingProperty: "kind"});
errors++;
}
if(data.kind !== undefined){
let data0 = data.kind;
if(!(((data0 === "pn532") || (data0 === "msr605")) || (data0 === "ccid"))){
vErrors = addError(vErrors, instancePath+"/kind", "#/properties/kind/enum", {allowedValues: schema8.properties.kind.enum});
errors++;
}
}
if(data.name !== undefined){
let data1 = data.name;
if(typeof data1 === "string"){
if(!pattern3.test(data1)){
vErrors = addError(vErrors, instancePath+"/name", "#/properties/name/pattern", {pattern: "^[0-9A-Za-z][0-9A-Za-z._-]{0,15}$"});
errors++;
}
}
else {
vErrors = addError(vErrors, instancePath+"/name", "#/properties/name/type", {type: "string"});
errors++;
}
}
}
else {
vErrors = addError(vErrors, instancePath, "#/type", {type: "object"});
errors++;
}
validate24.errors = vErrors;
return errors === 0;
}


function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://posdiag.local/config.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.terminal === undefined){
vErrors = addError(vErrors, instancePath, "#/required", {missingProperty: "terminal"});
errors++;
}
for(const key0 in data){
if(!((((((((key0 === "terminal") || (key0 === "devices")) || (key0 === "host")) || (key0 === "checks")) || (key0 === "journal")) || (key0 === "technician")) || (key0 === "fleet")) || (key0 === "telemetry"))){
vErrors = addError(vErrors, instancePath, "#/additionalProperties", {additionalProperty: key0});
errors++;
}
}
if(data.terminal !== undefined){
let data0 = data.terminal;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const prop0 of schema6.properties.terminal.required){
if(data0[prop0] === undefined){
vErrors = addError(vErrors, instancePath+"/terminal", "#/properties/terminal/required", {missingProperty: prop0});
errors++;
}
}
for(const key1 in data0){
if(!((((((key1 === "id") || (key1 === "merchantId")) || (key1 === "merchantName")) || (key1 === "location")) || (key1 === "acquirer")) || (key1 === "locale"))){
vErrors = addError(vErrors, instancePath+"/terminal", "#/properties/terminal/additionalProperties", {additionalProperty: key1});
errors++;
}
}
if(data0.id !== undefined){
let data1 = data0.id;
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
vErrors = addError(vErrors, instancePath+"/terminal/id", "#/properties/terminal/properties/id/pattern", {pattern: "^[0-9A-Za-z]{8}$"});
errors++;
}
}
else {
vErrors = addError(vErrors, instancePath+"/terminal/id", "#/properties/terminal/properties/id/type", {type: "string"});
errors++;
}
}
if(data0.merchantId !== undefined){
let data2 = data0.merchantId;
if(typeof data2 === "string"){
if(!pattern1.test(data2)){
vErrors = addError(vErrors, instancePath+"/terminal/merchantId", "#/properties/terminal/properties/merchantId/pattern", {pattern: "^[0-9A-Za-z]{15}$"});
errors++;
}
}
else {
vErrors = addError(vErrors, instancePath+"/terminal/merchantId", "#/properties/terminal/properties/merchantId/type", {type: "string"});
errors++;
}
}
if(data0.merchantName !== undefined){
let data3 = data0.merchantName;
if(typeof data3 === "string"){
if(func2(data3) > 40){
vErrors = addError(vErrors, instancePath+"/terminal/merchantName", "#/properties/terminal/properties/merchantName/maxLength", {limit: 40});
errors++;
}
}
else {
vErrors = addError(vErrors, instancePath+"/terminal/merchantName", "#/properties/terminal/properties/merchantName/type", {type: "string"});
errors++;
}
}
if(data0.location !== undefined){
let data4 = data0.location;
if(typeof data4 === "string"){
if(func2(data4) > 60){
vErrors = addError(vErrors, instancePath+"/terminal/location", "#/properties/terminal/properties/location/maxLength", {limit: 60});
errors++;
}
}
else {
vErrors = addError(vErrors, instancePath+"/terminal/location", "#/properties/terminal/properties/location/type", {type: "string"});
errors++;
}
}
if(data0.acquirer !== undefined){
let data5 = data0.acquirer;
if(typeof data5 === "string"){
if(!pattern2.test(data5)){
vErrors = addError(vErrors, instancePath+"/terminal/acquirer", "#/properties/terminal/properties/acquirer/pattern", {pattern: "^[a-z0-9-]{2,20}$"});
errors++;
}
}
else {
vErrors = addError(vErrors, instancePath+"/terminal/acquirer", "#/properties/terminal/properties/acquirer/type", {type: "string"});
errors++;
}
}
if(data0.locale !== undefined){
let data6 = data0.locale;
if(typeof data6 !== "string"){
vErrors = addError(vErrors, instancePath+"/terminal/locale", "#/properties/terminal/properties/locale/type", {type: "string"});
errors++;
}
if(!((((data6 === "zh-CN") || (data6 === "zh-TW")) || (data6 === "zh-HK")) || (data6 === "en"))){
vErrors = addError(vErrors, instancePath+"/terminal/locale", "#/properties/terminal/properties/locale/enum", {allowedValues: schema6.properties.terminal.properties.locale.enum});
errors++;
}
}
}
else {
vErrors = addError(vErrors, instancePath+"/terminal", "#/properties/terminal/type", {type: "object"});
errors++;
}
}
if(data.devices !== undefined){
let data7 = data.devices;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
for(const key2 in data7){
if(!((((key2 === "modem") || (key2 === "reader")) || (key2 === "readers")) || (key2 === "printer"))){
vErrors = addError(vErrors, instancePath+"/devices", "#/properties/devices/additionalProperties", {additionalProperty: key2});
errors++;
}
}
if(data7.modem !== undefined){
if(!(validate22(data7.modem, {instancePath:instancePath+"/devices/modem",parentData:data7,parentDataProperty:"modem",rootData}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
}
if(data7.reader !== undefined){
if(!(validate24(data7.reader, {instancePath:instancePath+"/devices/reader",parentData:data7,parentDataProperty:"reader",rootData}))){
vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
errors = vErrors.length;
}
}
if(data7.readers !== undefined){
let data10 = data7.readers;
if(Array.isArray(data10)){
if(data10.length < 1){
vErrors = addError(vErrors, instancePath+"/devices/readers", "#/properties/devices/properties/readers/minItems", {limit: 1});
errors++;
}
const len0 = data10.length;
for(let i0=0; i0<len0; i0++){
if(!(validate24(data10[i0], {instancePath:instancePath+"/devices/readers/" + i0,parentData:data10,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
errors = vErrors.length;
}
}
}
else {
vErrors = addError(vErrors, instancePath+"/devices/readers", "#/properties/devices/properties/readers/type", {type: "array"});
errors++;
}
}
if(data7.printer !== undefined){
let data12 = data7.printer;
if(!(validate22(data12, {instancePath:instancePath+"/devices/printer",parentData:data7,parentDataProperty:"printer",rootData}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
if(data12.paperWidth !== undefined){
let data13 = data12.paperWidth;
if(!((data13 === 58) || (data13 === 80))){
vErrors = addError(vErrors, instancePath+"/devices/printer/paperWidth", "#/properties/devices/properties/printer/properties/paperWidth/enum", {allowedValues: schema6.properties.devices.properties.printer.properties.paperWidth.enum});
errors++;
}
}
if(data12.profile !== undefined){
if(typeof data12.profile !== "string"){
vErrors = addError(vErrors, instancePath+"/devices/printer/profile", "#/properties/devices/properties/printer/properties/profile/type", {type: "string"});
errors++;
}
}
}
else {
vErrors = addError(vErrors, instancePath+"/devices/printer", "#/properties/devices/properties/printer/type", {type: "object"});
errors++;
}
}
}
else {
vErrors = addError(vErrors, instancePath+"/devices", "#/properties/devices/type", {type: "object"});
errors++;
}
}
if(data.host !== undefined){
let data15 = data.host;
if(data15 && typeof data15 == "object" && !Array.isArray(data15)){
for(const prop1 of schema6.properties.host.required){
if(data15[prop1] === undefined){
vErrors = addError(vErrors, instancePath+"/host", "#/properties/host/required", {missingProperty: prop1});
errors++;
}
}
for(const key3 in data15){
if(!((((((((key3 === "address") || (key3 === "port")) || (key3 === "echo")) || (key3 === "tpdu")) || (key3 === "header")) || (key3 === "echoForm")) || (key3 === "batch")) || (key3 === "timing"))){
vErrors = addError(vErrors, instancePath+"/host", "#/properties/host/additionalProperties", {additionalProperty: key3});
errors++;
}
}
if(data15.address !== undefined){
let data16 = data15.address;
if(typeof data16 === "string"){
if(func2(data16) > 253){
vErrors = addError(vErrors, instancePath+"/host/address", "#/properties/host/properties/address/maxLength", {limit: 253});
errors++;
}
if(func2(data16) < 1){
vErrors = addError(vErrors, instancePath+"/host/address", "#/properties/host/properties/address/minLength", {limit: 1});
errors++;
}
}
else {
vErrors = addError(vErrors, instancePath+"/host/address", "#/properties/host/properties/address/type", {type: "string"});
errors++;
}
}
if(data15.port !== undefined){
let data17 = data15.port;
if(!((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17)))){
vErrors = addError(vErrors, instancePath+"/host/port", "#/properties/host/properties/port/type", {type: "integer"});
errors++;
}
if(typeof data17 == "number"){
if(data17 > 65535 || isNaN(data17)){
vErrors = addError(vErrors, instancePath+"/host/port", "#/properties/host/properties/port/maximum", {comparison: "<=", limit: 65535});
errors++;
}
if(data17 < 1 || isNaN(data17)){
vErrors = addError(vErrors, instancePath+"/host/port", "#/properties/host/properties/port/minimum", {comparison: ">=", limit: 1});
errors++;
}
}
}
if(data15.echo !== undefined){
if(typeof data15.echo !== "boolean"){
vErrors = addError(vErrors, instancePath+"/host/echo", "#/properties/host/properties/echo/type", {type: "boolean"});
errors++;
}
}
if(data15.tpdu !== undefined){
let data19 = data15.tpdu;
if(typeof data19 === "string"){
if(!pattern4.test(data19)){
vErrors = addError(vErrors, instancePath+"/host/tpdu", "#/properties/host/properties/tpdu/pattern", {pattern: "^([0-9A-Fa-f]{2})*$"});
errors++;
}
}
else {
vErrors = addError(vErrors, instancePath+"/host/tpdu", "#/properties/host/properties/tpdu/type", {type: "string"});
errors++;
}
}
if(data15.header !== undefined){
let data20 = data15.header;
if(typeof data20 === "string"){
if(!pattern4.test(data20)){
vErrors = addError(vErrors, instancePath+"/host/header", "#/properties/host/properties/header/pattern", {pattern: "^([0-9A-Fa-f]{2})*$"});
errors++;
}
}
else {
vErrors = addError(vErrors, instancePath+"/host/header", "#/properties/host/properties/header/type", {type: "string"});
errors++;
}
}
}
else {
vErrors = addError(vErrors, instancePath+"/host", "#/properties/host/type", {type: "object"});
errors++;
}
}
if(data.journal !== undefined){
let data21 = data.journal;
if(data21 && typeof data21 == "object" && !Array.isArray(data21)){
for(const key4 in data21){
if(!(key4 === "dir")){
vErrors = addError(vErrors, instancePath+"/journal", "#/properties/journal/additionalProperties", {additionalProperty: key4});
errors++;
}
}
if(data21.dir !== undefined){
let data22 = data21.dir;
if(typeof data22 === "string"){
if(func2(data22) < 1){
vErrors = addError(vErrors, instancePath+"/journal/dir", "#/properties/journal/properties/dir/minLength", {limit: 1});
errors++;
}
}
else {
vErrors = addError(vErrors, instancePath+"/journal/dir", "#/properties/journal/properties/dir/type", {type: "string"});
errors++;
}
}
}
else {
vErrors = addError(vErrors, instancePath+"/journal", "#/properties/journal/type", {type: "object"});
errors++;
}
}
if(data.technician !== undefined){
let data23 = data.technician;
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
for(const key5 in data23){
if(!(key5 === "pinHash")){
vErrors = addError(vErrors, instancePath+"/technician", "#/properties/technician/additionalProperties", {additionalProperty: key5});
errors++;
}
}
if(data23.pinHash !== undefined){
let data24 = data23.pinHash;
if(typeof data24 === "string"){
if(func2(data24) < 1){
vErrors = addError(vErrors, instancePath+"/technician/pinHash", "#/properties/technician/properties/pinHash/minLength", {limit: 1});
errors++;
}
}
else {
vErrors = addError(vErrors, instancePath+"/technician/pinHash", "#/properties/technician/properties/pinHash/type", {type: "string"});
errors++;
}
}
}
else {
vErrors = addError(vErrors, instancePath+"/technician", "#/properties/technician/type", {type: "object"});
errors++;
}
}
if(data.fleet !== undefined){
let data25 = data.fleet;
if(!(data25 && typeof data25 == "object" && !Array.isArray(data25))){
vErrors = addError(vErrors, instancePath+"/fleet", "#/properties/fleet/type", {type: "object"});
errors++;
}
}
}
else {
vErrors = addError(vErrors, instancePath, "#/type", {type: "object"});
errors++;
}
validate21.errors = vErrors;
return errors === 0;
}

/** One failed keyword (the last step of its schema path), appended to the errors so far (the list is created by the first). */
function addError(list, instancePath, schemaPath, params){
const error = {instancePath, schemaPath, keyword: schemaPath.slice(schemaPath.lastIndexOf("/") + 1), params};
if(list === null){
return [error];
}
list.push(error);
return list;
}
/** Each description in the schema, by the schema path of the object that carries it. */
export const descriptions = {"#/properties/terminal/properties/id":"terminal id, ISO 8583 field 41 (8 characters)","#/properties/terminal/properties/merchantId":"merchant id, field 42 (15 characters)","#/$defs/reader/properties/name":"the reader's name in reports (1-16 letters, digits, . _ -)"};
