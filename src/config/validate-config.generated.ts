// @ts-nocheck
/* eslint-disable */
// Generated from src/config/schema.ts by build.mjs (src/config/validator-codegen.ts, ajv standalone code).
// Do not edit: change the schema and run `node build.mjs`.
import ucs2length from 'ajv/dist/runtime/ucs2length';
export const validate = validate21;
export default validate21;
const schema6 = {"$id":"https://posdiag.local/config.schema.json","type":"object","additionalProperties":false,"required":["terminal"],"properties":{"terminal":{"type":"object","additionalProperties":false,"required":["id","merchantId"],"properties":{"id":{"type":"string","pattern":"^[0-9A-Za-z]{8}$","description":"terminal id, ISO 8583 field 41 (8 characters)"},"merchantId":{"type":"string","pattern":"^[0-9A-Za-z]{15}$","description":"merchant id, field 42 (15 characters)"},"merchantName":{"type":"string","maxLength":40},"location":{"type":"string","maxLength":60},"acquirer":{"type":"string","pattern":"^[a-z0-9-]{2,20}$"},"locale":{"type":"string","enum":["zh-CN","zh-TW","zh-HK","en"]}}},"devices":{"type":"object","additionalProperties":false,"properties":{"modem":{"$ref":"#/$defs/serial"},"reader":{"allOf":[{"$ref":"#/$defs/serial"}],"type":"object","required":["kind"],"properties":{"kind":{"enum":["pn532","msr605"]}}},"printer":{"allOf":[{"$ref":"#/$defs/serial"}],"type":"object","properties":{"paperWidth":{"enum":[58,80]},"profile":{"type":"string"},"timing":{}}}}},"host":{"type":"object","additionalProperties":false,"required":["address","port"],"properties":{"address":{"type":"string","minLength":1,"maxLength":253},"port":{"type":"integer","minimum":1,"maximum":65535},"echo":{"type":"boolean"},"tpdu":{"type":"string","pattern":"^([0-9A-Fa-f]{2})*$"},"header":{"type":"string","pattern":"^([0-9A-Fa-f]{2})*$"},"echoForm":{},"batch":{},"timing":{}}},"checks":{},"journal":{"type":"object","additionalProperties":false,"properties":{"dir":{"type":"string","minLength":1}}},"technician":{"type":"object","additionalProperties":false,"properties":{"pinHash":{"type":"string","minLength":1}}}},"$defs":{"serial":{"type":"object","required":["path"],"properties":{"path":{"type":"string","minLength":1},"baudRate":{"type":"integer","enum":[1200,2400,4800,9600,19200,38400,57600,115200,230400,460800,921600]},"dataBits":{},"parity":{},"stopBits":{},"rtscts":{},"xon":{},"xoff":{},"kind":{},"paperWidth":{},"profile":{},"timeouts":{},"timing":{}},"additionalProperties":false}}};
const pattern0 = new RegExp("^[0-9A-Za-z]{8}$", "u");
const pattern1 = new RegExp("^[0-9A-Za-z]{15}$", "u");
const pattern2 = new RegExp("^[a-z0-9-]{2,20}$", "u");
const pattern3 = new RegExp("^([0-9A-Fa-f]{2})*$", "u");
const func2 = ucs2length;
const schema7 = {"type":"object","required":["path"],"properties":{"path":{"type":"string","minLength":1},"baudRate":{"type":"integer","enum":[1200,2400,4800,9600,19200,38400,57600,115200,230400,460800,921600]},"dataBits":{},"parity":{},"stopBits":{},"rtscts":{},"xon":{},"xoff":{},"kind":{},"paperWidth":{},"profile":{},"timeouts":{},"timing":{}},"additionalProperties":false};
const func4 = Object.prototype.hasOwnProperty;

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.path === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "path"}};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(func4.call(schema7.properties, key0))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0}};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.path !== undefined){
let data0 = data.path;
if(typeof data0 === "string"){
if(func2(data0) < 1){
const err2 = {instancePath:instancePath+"/path",schemaPath:"#/properties/path/minLength",keyword:"minLength",params:{limit: 1}};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/path",schemaPath:"#/properties/path/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.baudRate !== undefined){
let data1 = data.baudRate;
if(!((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1)))){
const err4 = {instancePath:instancePath+"/baudRate",schemaPath:"#/properties/baudRate/type",keyword:"type",params:{type: "integer"}};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(!(((((((((((data1 === 1200) || (data1 === 2400)) || (data1 === 4800)) || (data1 === 9600)) || (data1 === 19200)) || (data1 === 38400)) || (data1 === 57600)) || (data1 === 115200)) || (data1 === 230400)) || (data1 === 460800)) || (data1 === 921600))){
const err5 = {instancePath:instancePath+"/baudRate",schemaPath:"#/properties/baudRate/enum",keyword:"enum",params:{allowedValues: schema7.properties.baudRate.enum}};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
validate22.errors = vErrors;
return errors === 0;
}


function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="https://posdiag.local/config.schema.json" */;
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.terminal === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "terminal"}};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "terminal") || (key0 === "devices")) || (key0 === "host")) || (key0 === "checks")) || (key0 === "journal")) || (key0 === "technician"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0}};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.terminal !== undefined){
let data0 = data.terminal;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.id === undefined){
const err2 = {instancePath:instancePath+"/terminal",schemaPath:"#/properties/terminal/required",keyword:"required",params:{missingProperty: "id"}};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data0.merchantId === undefined){
const err3 = {instancePath:instancePath+"/terminal",schemaPath:"#/properties/terminal/required",keyword:"required",params:{missingProperty: "merchantId"}};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key1 in data0){
if(!((((((key1 === "id") || (key1 === "merchantId")) || (key1 === "merchantName")) || (key1 === "location")) || (key1 === "acquirer")) || (key1 === "locale"))){
const err4 = {instancePath:instancePath+"/terminal",schemaPath:"#/properties/terminal/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1}};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data0.id !== undefined){
let data1 = data0.id;
if(typeof data1 === "string"){
if(!pattern0.test(data1)){
const err5 = {instancePath:instancePath+"/terminal/id",schemaPath:"#/properties/terminal/properties/id/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Za-z]{8}$"}};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/terminal/id",schemaPath:"#/properties/terminal/properties/id/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data0.merchantId !== undefined){
let data2 = data0.merchantId;
if(typeof data2 === "string"){
if(!pattern1.test(data2)){
const err7 = {instancePath:instancePath+"/terminal/merchantId",schemaPath:"#/properties/terminal/properties/merchantId/pattern",keyword:"pattern",params:{pattern: "^[0-9A-Za-z]{15}$"}};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
else {
const err8 = {instancePath:instancePath+"/terminal/merchantId",schemaPath:"#/properties/terminal/properties/merchantId/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data0.merchantName !== undefined){
let data3 = data0.merchantName;
if(typeof data3 === "string"){
if(func2(data3) > 40){
const err9 = {instancePath:instancePath+"/terminal/merchantName",schemaPath:"#/properties/terminal/properties/merchantName/maxLength",keyword:"maxLength",params:{limit: 40}};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/terminal/merchantName",schemaPath:"#/properties/terminal/properties/merchantName/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data0.location !== undefined){
let data4 = data0.location;
if(typeof data4 === "string"){
if(func2(data4) > 60){
const err11 = {instancePath:instancePath+"/terminal/location",schemaPath:"#/properties/terminal/properties/location/maxLength",keyword:"maxLength",params:{limit: 60}};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/terminal/location",schemaPath:"#/properties/terminal/properties/location/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data0.acquirer !== undefined){
let data5 = data0.acquirer;
if(typeof data5 === "string"){
if(!pattern2.test(data5)){
const err13 = {instancePath:instancePath+"/terminal/acquirer",schemaPath:"#/properties/terminal/properties/acquirer/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9-]{2,20}$"}};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
else {
const err14 = {instancePath:instancePath+"/terminal/acquirer",schemaPath:"#/properties/terminal/properties/acquirer/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data0.locale !== undefined){
let data6 = data0.locale;
if(typeof data6 !== "string"){
const err15 = {instancePath:instancePath+"/terminal/locale",schemaPath:"#/properties/terminal/properties/locale/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(!((((data6 === "zh-CN") || (data6 === "zh-TW")) || (data6 === "zh-HK")) || (data6 === "en"))){
const err16 = {instancePath:instancePath+"/terminal/locale",schemaPath:"#/properties/terminal/properties/locale/enum",keyword:"enum",params:{allowedValues: schema6.properties.terminal.properties.locale.enum}};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/terminal",schemaPath:"#/properties/terminal/type",keyword:"type",params:{type: "object"}};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.devices !== undefined){
let data7 = data.devices;
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
for(const key2 in data7){
if(!(((key2 === "modem") || (key2 === "reader")) || (key2 === "printer"))){
const err18 = {instancePath:instancePath+"/devices",schemaPath:"#/properties/devices/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2}};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
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
let data9 = data7.reader;
if(!(validate22(data9, {instancePath:instancePath+"/devices/reader",parentData:data7,parentDataProperty:"reader",rootData}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
if(data9.kind === undefined){
const err19 = {instancePath:instancePath+"/devices/reader",schemaPath:"#/properties/devices/properties/reader/required",keyword:"required",params:{missingProperty: "kind"}};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(data9.kind !== undefined){
let data10 = data9.kind;
if(!((data10 === "pn532") || (data10 === "msr605"))){
const err20 = {instancePath:instancePath+"/devices/reader/kind",schemaPath:"#/properties/devices/properties/reader/properties/kind/enum",keyword:"enum",params:{allowedValues: schema6.properties.devices.properties.reader.properties.kind.enum}};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
else {
const err21 = {instancePath:instancePath+"/devices/reader",schemaPath:"#/properties/devices/properties/reader/type",keyword:"type",params:{type: "object"}};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data7.printer !== undefined){
let data11 = data7.printer;
if(!(validate22(data11, {instancePath:instancePath+"/devices/printer",parentData:data7,parentDataProperty:"printer",rootData}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
if(data11.paperWidth !== undefined){
let data12 = data11.paperWidth;
if(!((data12 === 58) || (data12 === 80))){
const err22 = {instancePath:instancePath+"/devices/printer/paperWidth",schemaPath:"#/properties/devices/properties/printer/properties/paperWidth/enum",keyword:"enum",params:{allowedValues: schema6.properties.devices.properties.printer.properties.paperWidth.enum}};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data11.profile !== undefined){
if(typeof data11.profile !== "string"){
const err23 = {instancePath:instancePath+"/devices/printer/profile",schemaPath:"#/properties/devices/properties/printer/properties/profile/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
else {
const err24 = {instancePath:instancePath+"/devices/printer",schemaPath:"#/properties/devices/properties/printer/type",keyword:"type",params:{type: "object"}};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath:instancePath+"/devices",schemaPath:"#/properties/devices/type",keyword:"type",params:{type: "object"}};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data.host !== undefined){
let data14 = data.host;
if(data14 && typeof data14 == "object" && !Array.isArray(data14)){
if(data14.address === undefined){
const err26 = {instancePath:instancePath+"/host",schemaPath:"#/properties/host/required",keyword:"required",params:{missingProperty: "address"}};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(data14.port === undefined){
const err27 = {instancePath:instancePath+"/host",schemaPath:"#/properties/host/required",keyword:"required",params:{missingProperty: "port"}};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
for(const key3 in data14){
if(!((((((((key3 === "address") || (key3 === "port")) || (key3 === "echo")) || (key3 === "tpdu")) || (key3 === "header")) || (key3 === "echoForm")) || (key3 === "batch")) || (key3 === "timing"))){
const err28 = {instancePath:instancePath+"/host",schemaPath:"#/properties/host/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3}};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data14.address !== undefined){
let data15 = data14.address;
if(typeof data15 === "string"){
if(func2(data15) > 253){
const err29 = {instancePath:instancePath+"/host/address",schemaPath:"#/properties/host/properties/address/maxLength",keyword:"maxLength",params:{limit: 253}};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(func2(data15) < 1){
const err30 = {instancePath:instancePath+"/host/address",schemaPath:"#/properties/host/properties/address/minLength",keyword:"minLength",params:{limit: 1}};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
else {
const err31 = {instancePath:instancePath+"/host/address",schemaPath:"#/properties/host/properties/address/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data14.port !== undefined){
let data16 = data14.port;
if(!((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16)))){
const err32 = {instancePath:instancePath+"/host/port",schemaPath:"#/properties/host/properties/port/type",keyword:"type",params:{type: "integer"}};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(typeof data16 == "number"){
if(data16 > 65535 || isNaN(data16)){
const err33 = {instancePath:instancePath+"/host/port",schemaPath:"#/properties/host/properties/port/maximum",keyword:"maximum",params:{comparison: "<=", limit: 65535}};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
if(data16 < 1 || isNaN(data16)){
const err34 = {instancePath:instancePath+"/host/port",schemaPath:"#/properties/host/properties/port/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1}};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
}
if(data14.echo !== undefined){
if(typeof data14.echo !== "boolean"){
const err35 = {instancePath:instancePath+"/host/echo",schemaPath:"#/properties/host/properties/echo/type",keyword:"type",params:{type: "boolean"}};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data14.tpdu !== undefined){
let data18 = data14.tpdu;
if(typeof data18 === "string"){
if(!pattern3.test(data18)){
const err36 = {instancePath:instancePath+"/host/tpdu",schemaPath:"#/properties/host/properties/tpdu/pattern",keyword:"pattern",params:{pattern: "^([0-9A-Fa-f]{2})*$"}};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
else {
const err37 = {instancePath:instancePath+"/host/tpdu",schemaPath:"#/properties/host/properties/tpdu/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data14.header !== undefined){
let data19 = data14.header;
if(typeof data19 === "string"){
if(!pattern3.test(data19)){
const err38 = {instancePath:instancePath+"/host/header",schemaPath:"#/properties/host/properties/header/pattern",keyword:"pattern",params:{pattern: "^([0-9A-Fa-f]{2})*$"}};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
else {
const err39 = {instancePath:instancePath+"/host/header",schemaPath:"#/properties/host/properties/header/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
}
else {
const err40 = {instancePath:instancePath+"/host",schemaPath:"#/properties/host/type",keyword:"type",params:{type: "object"}};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data.journal !== undefined){
let data20 = data.journal;
if(data20 && typeof data20 == "object" && !Array.isArray(data20)){
for(const key4 in data20){
if(!(key4 === "dir")){
const err41 = {instancePath:instancePath+"/journal",schemaPath:"#/properties/journal/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4}};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data20.dir !== undefined){
let data21 = data20.dir;
if(typeof data21 === "string"){
if(func2(data21) < 1){
const err42 = {instancePath:instancePath+"/journal/dir",schemaPath:"#/properties/journal/properties/dir/minLength",keyword:"minLength",params:{limit: 1}};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
else {
const err43 = {instancePath:instancePath+"/journal/dir",schemaPath:"#/properties/journal/properties/dir/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
}
else {
const err44 = {instancePath:instancePath+"/journal",schemaPath:"#/properties/journal/type",keyword:"type",params:{type: "object"}};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
if(data.technician !== undefined){
let data22 = data.technician;
if(data22 && typeof data22 == "object" && !Array.isArray(data22)){
for(const key5 in data22){
if(!(key5 === "pinHash")){
const err45 = {instancePath:instancePath+"/technician",schemaPath:"#/properties/technician/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5}};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data22.pinHash !== undefined){
let data23 = data22.pinHash;
if(typeof data23 === "string"){
if(func2(data23) < 1){
const err46 = {instancePath:instancePath+"/technician/pinHash",schemaPath:"#/properties/technician/properties/pinHash/minLength",keyword:"minLength",params:{limit: 1}};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
else {
const err47 = {instancePath:instancePath+"/technician/pinHash",schemaPath:"#/properties/technician/properties/pinHash/type",keyword:"type",params:{type: "string"}};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
else {
const err48 = {instancePath:instancePath+"/technician",schemaPath:"#/properties/technician/type",keyword:"type",params:{type: "object"}};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
}
else {
const err49 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"}};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
validate21.errors = vErrors;
return errors === 0;
}
/** Each description in the schema, by the schema path of the object that carries it. */
export const descriptions = {"#/properties/terminal/properties/id":"terminal id, ISO 8583 field 41 (8 characters)","#/properties/terminal/properties/merchantId":"merchant id, field 42 (15 characters)"};
